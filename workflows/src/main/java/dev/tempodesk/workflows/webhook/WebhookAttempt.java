package dev.tempodesk.workflows.webhook;

/**
 * One attempt of a delivery, as the workflow asks for it.
 *
 * @param deliveryId the {@code webhook_deliveries} row
 * @param attempt 1 for the first attempt
 * @param elapsedMillis workflow time since the first attempt started (the activity decides with
 *     {@link WebhookRetrySchedule#nextPause} whether a failure is tried again)
 */
public record WebhookAttempt(long deliveryId, int attempt, long elapsedMillis) {}
