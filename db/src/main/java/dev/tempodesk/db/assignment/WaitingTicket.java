package dev.tempodesk.db.assignment;

import java.time.OffsetDateTime;

/** An unassigned NEW ticket in the assignment queue, with the version an assignment expects. */
public record WaitingTicket(
    long number, long version, String priority, OffsetDateTime resolveDueAt) {}
