package dev.tempodesk.workflows.ticket;

/**
 * Kinds of rejected ticket updates. They travel in the failure's message, not its type (see {@link
 * TicketRuleViolation}, whose {@code from} recovers kind and field).
 */
public enum TicketFailure {
  /** A field breaks a rule; the violation names the field. */
  INVALID_FIELD,
  /** The caller's expectedVersion is not the ticket's version any more. */
  VERSION_CONFLICT
}
