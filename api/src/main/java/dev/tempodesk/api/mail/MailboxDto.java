package dev.tempodesk.api.mail;

import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A connected mailbox and how far its sync got.
 *
 * @param email null until Nylas could be asked for it (a mailbox configured while it was down)
 * @param sync whether the sync works, and why not
 */
public record MailboxDto(
    long id,
    String grantId,
    String email,
    String provider,
    boolean active,
    Instant syncedUntil,
    OffsetDateTime lastSyncedAt,
    MailboxSyncState sync) {

  static MailboxDto from(MailboxesRecord row) {
    return new MailboxDto(
        row.getId(),
        row.getGrantId(),
        row.getEmail(),
        row.getProvider(),
        row.getActive(),
        row.getSyncCursor() == null ? null : Instant.ofEpochSecond(row.getSyncCursor()),
        row.getLastSyncedAt(),
        MailboxSyncState.of(row));
  }
}
