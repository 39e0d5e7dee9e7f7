package dev.tempodesk.api.people;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.people.OrganizationRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  @Schema(description = "Changes to an asset; absent fields stay, a blank description clears it")
  record PatchAsset(
      @Size(min = 1, max = 200) String name,
      @Size(min = 1, max = 50) String kind,
      @Size(max = 2000) String description) {}

  @GetMapping
  @Operation(operationId = "listOrganizations")
  List<OrganizationDto> list(
      @Parameter(description = "Part of the name or domain")
          @RequestParam(required = false)
          @Size(max = 200)
          String text) {
    return organizations.list(text).stream().map(OrganizationDto::from).toList();
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
              patch.name() == null ? before.getName() : required("name", patch.name()),
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
      throw assetNameTaken(id, request.name());
    }
    return ResponseEntity.created(URI.create("/api/organizations/" + id + "/assets"))
        .body(AssetDto.from(created));
  }

  @PatchMapping("/{id}/assets/{assetId}")
  @Operation(operationId = "updateOrganizationAsset", summary = "Rename or describe an asset")
  AssetDto updateAsset(
      @PathVariable long id, @PathVariable long assetId, @Valid @RequestBody PatchAsset patch) {
    AssetsRecord before = findAsset(id, assetId);
    String name = patch.name() == null ? before.getName() : required("name", patch.name());
    String kind = patch.kind() == null ? before.getKind() : required("kind", patch.kind());
    String description =
        patch.description() == null ? before.getDescription() : blankToNull(patch.description());
    try {
      return AssetDto.from(organizations.updateAsset(assetId, name, kind, description));
    } catch (DuplicateKeyException taken) {
      throw assetNameTaken(id, name);
    }
  }

  @DeleteMapping("/{id}/assets/{assetId}")
  @Operation(
      operationId = "deleteOrganizationAsset",
      summary = "Delete an asset no ticket names (409 otherwise: the tickets keep their history)")
  ResponseEntity<Void> deleteAsset(@PathVariable long id, @PathVariable long assetId) {
    findAsset(id, assetId);
    if (!organizations.deleteAssetIfUnused(assetId)) {
      throw FieldException.conflict(
          "assetId",
          "Tickets name asset #" + assetId + "; it stays so that they keep their history.");
    }
    return ResponseEntity.noContent().build();
  }

  private AssetsRecord findAsset(long id, long assetId) {
    find(id);
    return organizations
        .findAsset(id, assetId)
        .orElseThrow(
            () -> new NotFoundException("Organization #" + id + " has no asset #" + assetId + "."));
  }

  private static String required(String field, String value) {
    if (value.isBlank()) {
      throw FieldException.invalid(field, "The " + field + " must not be blank.");
    }
    return value.strip();
  }

  private static FieldException assetNameTaken(long id, String name) {
    return FieldException.conflict(
        "name", "Organization #" + id + " already has an asset named " + name + ".");
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
