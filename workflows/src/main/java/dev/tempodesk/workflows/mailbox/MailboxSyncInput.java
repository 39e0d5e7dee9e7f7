package dev.tempodesk.workflows.mailbox;

import java.time.Duration;

/**
 * Start (and continue-as-new) argument of a mailbox sync.
 *
 * @param cursor Unix seconds of the newest message fully processed, or null before the first pass
 * @param overlap how far before the cursor each pass lists again, for mail the provider files late
 * @param passesBeforeContinueAsNew history hygiene; the server's suggestion also triggers it
 */
public record MailboxSyncInput(
    long mailboxId,
    String grantId,
    Long cursor,
    Duration pollInterval,
    Duration overlap,
    int passesBeforeContinueAsNew,
    MailboxSyncStatus totals) {

  public MailboxSyncInput withCursor(Long newCursor, MailboxSyncStatus newTotals) {
    return new MailboxSyncInput(
        mailboxId, grantId, newCursor, pollInterval, overlap, passesBeforeContinueAsNew, newTotals);
  }
}
