package dev.tempodesk.api.people;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.people.OrganizationRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer organizations and their assets (network gear, products, orders) that tickets name. */
@RestController
@RequestMapping("/api/organizations")
@Tag(name = "Organizations")
class OrganizationController {
  private final OrganizationRepository organizations;

  OrganizationController(OrganizationRepository organizations) {
    this.organizations = organizations;
  }

  record OrganizationDto(long id, String name, String domain, OffsetDateTime createdAt) {
    static OrganizationDto from(OrganizationsRecord row) {
      return new OrganizationDto(row.getId(), row.getName(), row.getDomain(), row.getCreatedAt());
    }
  }

  @Schema(description = "An asset a ticket can be about; pick it as assetId when opening a ticket")
  record AssetDto(long id, long organizationId, String name, String kind, String description) {
    static AssetDto from(AssetsRecord row) {
      return new AssetDto(
          row.getId(), row.getOrganizationId(), row.getName(), row.getKind(), row.getDescription());
    }
  }

  record CreateOrganization(
      @NotBlank @Size(max = 200) String name, @Size(max = 253) String domain) {}

  @Schema(description = "Changes to an organization; absent fields stay")
  record PatchOrganization(@Size(min = 1, max = 200) String name, @Size(max = 253) String domain) {}

  record CreateAsset(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 50) @Schema(example = "NETWORK") String kind,
      @Size(max = 2000) String description) {}

  @GetMapping
  @Operation(operationId = "listOrganizations")
  List<OrganizationDto> list() {
    return organizations.listAll().stream().map(OrganizationDto::from).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getOrganization")
  OrganizationDto get(@PathVariable long id) {
    return OrganizationDto.from(find(id));
  }

  @PostMapping
  @Operation(operationId = "createOrganization")
  ResponseEntity<OrganizationDto> create(@Valid @RequestBody CreateOrganization request) {
    OrganizationsRecord created;
    try {
      created = organizations.insert(request.name().strip(), blankToNull(request.domain()));
    } catch (DuplicateKeyException taken) {
      throw nameTaken(request.name());
    }
    return ResponseEntity.created(URI.create("/api/organizations/" + created.getId()))
        .body(OrganizationDto.from(created));
  }

  @PatchMapping("/{id}")
  @Operation(operationId = "updateOrganization")
  OrganizationDto update(@PathVariable long id, @Valid @RequestBody PatchOrganization patch) {
    OrganizationsRecord before = find(id);
    try {
      return OrganizationDto.from(
          organizations.update(
              id,
              patch.name() == null ? before.getName() : patch.name().strip(),
              patch.domain() == null ? before.getDomain() : blankToNull(patch.domain())));
    } catch (DuplicateKeyException taken) {
      throw nameTaken(patch.name());
    }
  }

  @GetMapping("/{id}/assets")
  @Operation(operationId = "listOrganizationAssets")
  List<AssetDto> assets(@PathVariable long id) {
    find(id);
    return organizations.listAssets(id).stream().map(AssetDto::from).toList();
  }

  @PostMapping("/{id}/assets")
  @Operation(operationId = "createOrganizationAsset", summary = "Add an asset to an organization")
  ResponseEntity<AssetDto> createAsset(
      @PathVariable long id, @Valid @RequestBody CreateAsset request) {
    find(id);
    AssetsRecord created;
    try {
      created =
          organizations.insertAsset(
              id, request.name().strip(), request.kind().strip(), request.description());
    } catch (DuplicateKeyException taken) {
      throw FieldException.conflict(
          "name", "Organization #" + id + " already has an asset named " + request.name() + ".");
    }
    return ResponseEntity.created(URI.create("/api/organizations/" + id + "/assets"))
        .body(AssetDto.from(created));
  }

  private OrganizationsRecord find(long id) {
    return organizations
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no organization #" + id + "."));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static FieldException nameTaken(String name) {
    return FieldException.conflict("name", "Another organization is already called " + name + ".");
  }
}
