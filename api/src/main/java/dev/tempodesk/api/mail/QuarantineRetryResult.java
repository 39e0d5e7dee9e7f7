package dev.tempodesk.api.mail;

/**
 * What "Try again" made of a quarantined message.
 *
 * @param ticketNumber the ticket the message is now part of, or null when it was skipped
 * @param skipReason why the message was skipped (e.g. AUTO_REPLY), or null when it became part of a
 *     ticket
 */
public record QuarantineRetryResult(Long ticketNumber, String skipReason) {}
