package dev.tempodesk.workflows.ticket;

/** Sends a FAILED reply again, under its original Idempotency-Key. */
public record RetryReplyRequest(Actor actor, String messageId) {}
