package dev.tempodesk.workflows.webhook;

/**
 * What an attempt came to; the delivery row says the same.
 *
 * @param status DELIVERED, RETRYING, FAILED or CANCELLED (the {@code webhook_deliveries} statuses)
 * @param pauseMillis for RETRYING: how long to wait before the next attempt
 */
public record WebhookAttemptOutcome(String status, long pauseMillis) {
  public static final String DELIVERED = "DELIVERED";
  public static final String RETRYING = "RETRYING";
  public static final String FAILED = "FAILED";
  public static final String CANCELLED = "CANCELLED";

  public static WebhookAttemptOutcome finished(String status) {
    return new WebhookAttemptOutcome(status, 0);
  }

  public boolean retrying() {
    return RETRYING.equals(status);
  }
}
