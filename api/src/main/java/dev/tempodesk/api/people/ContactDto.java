package dev.tempodesk.api.people;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import java.time.OffsetDateTime;

/** A customer contact; {@code canSignIn} when the portal is open to them and a password is set. */
public record ContactDto(
    long id,
    String email,
    String displayName,
    Long organizationId,
    boolean portalAccess,
    boolean canSignIn,
    OffsetDateTime createdAt) {

  static ContactDto from(ContactsRecord row) {
    return new ContactDto(
        row.getId(),
        row.getEmail(),
        row.getDisplayName(),
        row.getOrganizationId(),
        row.getPortalAccess(),
        row.getPortalAccess() && row.getPasswordHash() != null,
        row.getCreatedAt());
  }
}
