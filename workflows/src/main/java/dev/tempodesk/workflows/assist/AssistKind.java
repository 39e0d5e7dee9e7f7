package dev.tempodesk.workflows.assist;

/** What assist writes for a ticket (V54 {@code assist_results.kind}). */
public enum AssistKind {
  /** A short summary of the thread, shown at the top of the ticket page. */
  SUMMARY,
  /** A suggested reply, filled into the reply box for the agent to edit; never sent by itself. */
  DRAFT,
  /** Suggested priority, tags and group. */
  TRIAGE
}
