package dev.tempodesk.workflows.ticket;

/** How a send ended: SENT, or FAILED for good (the agent has been told). */
public record DeliveryOutcome(String messageId, Status status, String error) {
  public enum Status {
    SENT,
    FAILED
  }
}
