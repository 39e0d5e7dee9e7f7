package dev.tempodesk.workflows.ticket;

/** Where a ticket came from. */
public enum Channel {
  EMAIL,
  PORTAL,
  PHONE,
  AGENT
}
