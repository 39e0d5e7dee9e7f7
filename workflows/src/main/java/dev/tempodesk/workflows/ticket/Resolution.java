package dev.tempodesk.workflows.ticket;

/** How a CLOSED ticket ended. */
public enum Resolution {
  SOLVED,
  WORKAROUND,
  DUPLICATE,
  NOT_REPRODUCIBLE,
  WONT_FIX,
  NO_RESPONSE
}
