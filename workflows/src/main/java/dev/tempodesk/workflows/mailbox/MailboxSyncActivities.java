package dev.tempodesk.workflows.mailbox;

import io.temporal.activity.ActivityInterface;

/** Reads a mailbox through Nylas and feeds its mail to tickets. */
@ActivityInterface
public interface MailboxSyncActivities {

  /**
   * Lists the mailbox's messages since the cursor minus the overlap (all pages), skips drafts, our
   * own sent mail and automatic mail (recording why), stores every other message in Postgres and
   * signals (or starts) its ticket's workflow. Idempotent: a retried or overlapping pass stores
   * nothing twice, and tickets ignore message ids they have seen. Heartbeats after every message.
   */
  SyncPassResult syncPass(SyncPassRequest request);
}
