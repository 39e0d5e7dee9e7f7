package dev.tempodesk.api.people;

import dev.tempodesk.db.jooq.tables.records.PortalInvitationsRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** An invitation to the portal as staff see it (never its token). */
public record PortalInvitationDto(
    long id,
    long contactId,
    OffsetDateTime sentAt,
    OffsetDateTime expiresAt,
    OffsetDateTime acceptedAt,
    @Schema(description = "A newer invitation replaced it") OffsetDateTime replacedAt) {

  static PortalInvitationDto from(PortalInvitationsRecord row) {
    return new PortalInvitationDto(
        row.getId(),
        row.getContactId(),
        row.getSentAt(),
        row.getExpiresAt(),
        row.getAcceptedAt(),
        row.getReplacedAt());
  }
}
