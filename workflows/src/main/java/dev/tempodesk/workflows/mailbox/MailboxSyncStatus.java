package dev.tempodesk.workflows.mailbox;

/** Running totals of a mailbox sync, carried across continue-as-new. */
public record MailboxSyncStatus(
    Long cursor, long passes, long ingested, long skipped, long lastPassAtMillis) {

  public static MailboxSyncStatus empty() {
    return new MailboxSyncStatus(null, 0, 0, 0, 0);
  }

  MailboxSyncStatus after(SyncPassResult pass, long now) {
    return new MailboxSyncStatus(
        pass.newCursor(), passes + 1, ingested + pass.ingested(), skipped + pass.skipped(), now);
  }
}
