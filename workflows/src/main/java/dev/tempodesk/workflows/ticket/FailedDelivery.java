package dev.tempodesk.workflows.ticket;

/** A message whose send failed for good, with the last error. */
public record FailedDelivery(long ticketNumber, String messageId, String error) {}
