package dev.tempodesk.api.mail;

import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What stops a mailbox's sync, as health and the Mailboxes page show it.
 *
 * @param status {@code UP}; {@code DOWN} while passes fail (Nylas unreachable or erroring; the sync
 *     retries with backoff and recovers by itself); {@code NEEDS_RECONNECT} once Nylas refused the
 *     grant (someone must connect the mailbox again)
 * @param reason why, when not UP
 * @param since when the problem was first seen, when not UP
 */
public record MailboxSyncState(String status, String reason, Instant since) {
  public static final String UP = "UP";
  public static final String DOWN = "DOWN";
  public static final String NEEDS_RECONNECT = "NEEDS_RECONNECT";

  public static MailboxSyncState of(MailboxesRecord mailbox) {
    if (mailbox.getNeedsReconnectSince() != null) {
      return new MailboxSyncState(
          NEEDS_RECONNECT,
          mailbox.getSyncError() != null ? mailbox.getSyncError() : "Nylas refused the grant",
          instant(mailbox.getNeedsReconnectSince()));
    }
    if (mailbox.getSyncError() != null) {
      return new MailboxSyncState(DOWN, mailbox.getSyncError(), instant(mailbox.getSyncErrorAt()));
    }
    return new MailboxSyncState(UP, null, null);
  }

  public boolean up() {
    return UP.equals(status);
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
