package dev.tempodesk.fakes.nylas;

/**
 * One webhook delivery attempt (1..3) of a notification and its outcome: the HTTP status, or -1 if
 * no answer came back. {@code messageId} is the notification's object: the message, or the grant of
 * a grant notification.
 */
public record WebhookDelivery(String notificationId, String messageId, int attempt, int status) {}
