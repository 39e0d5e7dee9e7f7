package dev.tempodesk.workflows.ticket;

/** Lifecycle of a ticket. NEW is unassigned, OPEN is assigned, CLOSED is done. */
public enum TicketStatus {
  NEW,
  OPEN,
  PENDING,
  CLOSED
}
