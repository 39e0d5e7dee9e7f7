package dev.tempodesk.workflows.ticket;

/** Failure types of rejected ticket updates, used as the ApplicationFailure type. */
public enum TicketFailure {
  /** A field breaks a rule; the failure's details carry the field name. */
  INVALID_FIELD,
  /** The caller's expectedVersion is not the ticket's version any more. */
  VERSION_CONFLICT
}
