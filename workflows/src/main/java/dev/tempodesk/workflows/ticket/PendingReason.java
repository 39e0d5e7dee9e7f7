package dev.tempodesk.workflows.ticket;

/**
 * Why a ticket is suspended. When the suspension runs out the ticket goes back to work, except
 * {@link #CLOSE}, which closes it as {@link Resolution#NO_RESPONSE}.
 */
public enum PendingReason {
  CUSTOMER,
  THIRD_PARTY,
  CHANGE,
  CLOSE
}
