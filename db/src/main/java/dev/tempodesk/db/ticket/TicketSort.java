package dev.tempodesk.db.ticket;

/** The orders the ticket list can show (issue 19 saved views and search). */
public enum TicketSort {
  /** Soonest SLA deadline first, then by number: the default. */
  URGENCY,
  /** Best full-text match first (only meaningful with a text); otherwise as URGENCY. */
  RELEVANCE,
  /** Newest ticket first. */
  CREATED,
  /** Most recently changed first. */
  UPDATED
}
