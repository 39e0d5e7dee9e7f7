package dev.tempodesk.workflows.ticket;

/** Ticket priority, in ascending order of urgency. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
