package dev.tempodesk.workflows.ticket;

import java.time.Instant;

/**
 * A message that was stored for this ticket. Only ids and facts travel through the workflow; bodies
 * stay in Postgres.
 *
 * @param messageId stable id of the stored message; the workflow ignores ids it has seen
 */
public record InboundMessage(String messageId, Actor author, Instant occurredAt) {}
