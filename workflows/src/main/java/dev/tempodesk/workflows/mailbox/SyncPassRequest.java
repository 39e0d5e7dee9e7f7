package dev.tempodesk.workflows.mailbox;

/** One pass over a mailbox: list everything received since {@code listFrom} (Unix seconds). */
public record SyncPassRequest(long mailboxId, String grantId, Long cursor, long overlapSeconds) {}
