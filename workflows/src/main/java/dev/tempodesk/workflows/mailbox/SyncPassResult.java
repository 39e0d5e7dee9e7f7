package dev.tempodesk.workflows.mailbox;

/**
 * What a pass did. {@code newCursor} is the newest message date seen, never older than the cursor
 * the pass started from.
 *
 * @param ingested messages newly stored and signalled to their ticket (not the ones an earlier pass
 *     finished)
 * @param skipped messages recorded as skipped, with a reason
 */
public record SyncPassResult(Long newCursor, int ingested, int skipped) {}
