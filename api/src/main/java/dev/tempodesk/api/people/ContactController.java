package dev.tempodesk.api.people;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.Passwords;
import dev.tempodesk.api.security.PersonSessions;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.api.validation.HeaderFields;
import dev.tempodesk.api.validation.ValidAddress;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer contacts. Reporters need no login; a manager or an admin can open the portal to a
 * contact and set their password.
 */
@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts")
class ContactController {
  private final ContactRepository contacts;
  private final OrganizationRepository organizations;
  private final Passwords passwords;
  private final PersonSessions sessions;
  private final ContactMerges merges;
  private final PortalInvitations invitations;
  private final CurrentActor actor;

  ContactController(
      ContactRepository contacts,
      OrganizationRepository organizations,
      Passwords passwords,
      PersonSessions sessions,
      ContactMerges merges,
      PortalInvitations invitations,
      CurrentActor actor) {
    this.contacts = contacts;
    this.organizations = organizations;
    this.passwords = passwords;
    this.sessions = sessions;
    this.merges = merges;
    this.invitations = invitations;
    this.actor = actor;
  }

  @Schema(description = "The contact to merge into the one of the path (which survives)")
  record MergeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long contactId) {}

  record CreateContact(
      @NotBlank @ValidAddress @Size(max = 320) String email,
      @NotBlank @Size(max = 200) String displayName,
      Long organizationId) {}

  @Schema(description = "Changes to a contact; absent fields stay")
  record PatchContact(
      @ValidAddress @Size(max = 320) String email,
      @Size(min = 1, max = 200) String displayName,
      Long organizationId) {}

  @Schema(
      description =
          "Opens (with a password, or keeping the one set) or closes the customer portal for a"
              + " contact. Closing forgets the password.")
  record PortalAccess(
      @NotNull Boolean enabled,
      @Size(max = 200) @Schema(description = "At least 10 characters, not only spaces")
          String password) {}

  @GetMapping
  @Operation(operationId = "listContacts")
  List<ContactDto> list(
      @Parameter(description = "Part of the name or email")
          @RequestParam(required = false)
          @Size(max = 200)
          String text,
      @RequestParam(required = false) Long organizationId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return contacts.list(text, organizationId, limit).stream().map(ContactDto::from).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getContact")
  ContactDto get(@PathVariable long id) {
    return ContactDto.from(find(id));
  }

  @PostMapping
  @Operation(operationId = "createContact")
  ResponseEntity<ContactDto> create(@Valid @RequestBody CreateContact request) {
    requireOrganization(request.organizationId());
    ContactsRecord created;
    try {
      created =
          contacts.insert(
              Addresses.require("email", request.email()).address(),
              HeaderFields.require("displayName", request.displayName()).strip(),
              request.organizationId());
    } catch (DuplicateKeyException taken) {
      throw AddressTaken.of("email", request.email());
    }
    return ResponseEntity.created(URI.create("/api/contacts/" + created.getId()))
        .body(ContactDto.from(created));
  }

  @PatchMapping("/{id}")
  @Operation(operationId = "updateContact")
  ContactDto update(@PathVariable long id, @Valid @RequestBody PatchContact patch) {
    ContactsRecord before = find(id);
    requireOrganization(patch.organizationId());
    ContactsRecord after;
    try {
      after =
          contacts.update(
              id,
              patch.email() == null
                  ? before.getEmail()
                  : Addresses.require("email", patch.email()).address(),
              patch.displayName() == null
                  ? before.getDisplayName()
                  : HeaderFields.require("displayName", patch.displayName()).strip(),
              patch.organizationId() == null ? before.getOrganizationId() : patch.organizationId());
    } catch (DuplicateKeyException taken) {
      throw AddressTaken.of("email", patch.email());
    }
    sessions.addressChanged(before.getEmail(), after.getEmail());
    return ContactDto.from(after);
  }

  @PutMapping("/{id}/portal-access")
  @Operation(
      operationId = "setContactPortalAccess",
      summary = "Open or close the customer portal for a contact, set or reset the password")
  ContactDto portalAccess(@PathVariable long id, @Valid @RequestBody PortalAccess access) {
    ContactsRecord contact = find(id);
    if (!access.enabled()) {
      return ContactDto.from(contacts.setPortalAccess(id, false, null));
    }
    if (access.password() == null && contact.getPasswordHash() == null) {
      throw FieldException.invalid(
          "password", "Set a password to open the portal to this contact.");
    }
    String hash = access.password() == null ? null : passwords.hash("password", access.password());
    ContactsRecord after = contacts.setPortalAccess(id, true, hash);
    if (hash != null) {
      sessions.passwordChanged(SignedInUser.Kind.CONTACT, id, after.getEmail());
    }
    return ContactDto.from(after);
  }

  @PostMapping("/{id}/merge")
  @Operation(
      operationId = "mergeContact",
      summary =
          "Merge another contact (contactId) into this one: its addresses, messages and portal"
              + " access at once, its tickets one by one through their workflows")
  ResponseEntity<ContactMergeDto> merge(@PathVariable long id, @RequestBody MergeRequest request) {
    ContactMergeDto merge = merges.start(find(id), request.contactId(), actor.required());
    return ResponseEntity.accepted().body(merge);
  }

  @GetMapping("/{id}/merges")
  @Operation(operationId = "listContactMerges", summary = "Merges into this contact, newest first")
  List<ContactMergeDto> mergesInto(@PathVariable long id) {
    find(id);
    return merges.into(id);
  }

  @PostMapping("/{id}/portal-invitation")
  @Operation(
      operationId = "sendPortalInvitation",
      summary =
          "Mail the contact a single-use link to the portal, where they choose their password"
              + " (earlier links stop working)")
  ResponseEntity<PortalInvitationDto> invite(@PathVariable long id) {
    PortalInvitationDto sent =
        PortalInvitationDto.from(invitations.invite(find(id), actor.required()));
    return ResponseEntity.status(201).body(sent);
  }

  @GetMapping("/{id}/portal-invitations")
  @Operation(
      operationId = "listPortalInvitations",
      summary = "The contact's invitations, newest first")
  List<PortalInvitationDto> invitations(@PathVariable long id) {
    find(id);
    return invitations.of(id).stream().map(PortalInvitationDto::from).toList();
  }

  /** A contact that is not merged into another (a merged one answers 404 naming its survivor). */
  private ContactsRecord find(long id) {
    ContactsRecord contact =
        contacts
            .find(id)
            .orElseThrow(() -> new NotFoundException("There is no contact #" + id + "."));
    if (contact.getMergedIntoId() != null) {
      throw new NotFoundException(
          "Contact #%d was merged into contact #%d.".formatted(id, contact.getMergedIntoId()));
    }
    return contact;
  }

  private void requireOrganization(Long organizationId) {
    if (organizationId != null && organizations.find(organizationId).isEmpty()) {
      throw FieldException.invalid(
          "organizationId", "There is no organization #" + organizationId + ".");
    }
  }
}
