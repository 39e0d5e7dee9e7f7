package dev.tempodesk.workflows.assist;

/**
 * One request for a suggestion.
 *
 * @param ticketNumber the ticket
 * @param kind what to write
 * @param requestedBy the agent who asked; null when Tempodesk asked by itself (triage of a new
 *     ticket, the refresh of a long thread's summary)
 * @param automatic true for those asked by Tempodesk: a summary is then written only when the
 *     thread is long and has grown since the last one, and a triage may be applied when the admin
 *     turned auto-apply on
 */
public record AssistRequest(
    long ticketNumber, AssistKind kind, Long requestedBy, boolean automatic) {

  public static AssistRequest byAgent(long ticketNumber, AssistKind kind, long agentId) {
    return new AssistRequest(ticketNumber, kind, agentId, false);
  }

  public static AssistRequest automatic(long ticketNumber, AssistKind kind) {
    return new AssistRequest(ticketNumber, kind, null, true);
  }
}
