package dev.tempodesk.db.ticket;

/** The orders the ticket list can show (issue 19 saved views and search). */
public enum TicketSort {
  /** Soonest SLA deadline first, then by number: the default ("SLA due" in the web app). */
  URGENCY,
  /** Best full-text match first (only meaningful with a text); otherwise as URGENCY. */
  RELEVANCE,
  /** Newest ticket first. */
  CREATED,
  /** Most recently changed first. */
  UPDATED,
  /** URGENT first, then HIGH, NORMAL, LOW; within a priority soonest SLA deadline, then number. */
  PRIORITY
}
