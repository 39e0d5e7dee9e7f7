package dev.tempodesk.db.assignment;

/** An assignment the assigner decided on and has not yet seen accepted or refused. */
public record Reservation(
    long ticketNumber, long agentId, String agentName, long expectedVersion) {}
