package dev.tempodesk.workflows.ticket;

/** What an SLA target measures (issue 18); each is optional per priority in a policy. */
public enum SlaMetric {
  /** Creation to the first assignment (today's assign clock). */
  TIME_TO_ASSIGN,
  /** Creation to the first public agent reply. */
  FIRST_RESPONSE,
  /** Oldest unanswered customer message to the next public agent reply. */
  NEXT_REPLY,
  /** Creation to resolution (today's resolve clock). */
  RESOLUTION
}
