package dev.tempodesk.activities.stats;

import java.time.Instant;
import java.util.UUID;

/**
 * One closing of a ticket, as the statistics count it.
 *
 * @param eventId the audit event that closed the ticket
 * @param agentId the assignee at the moment of closing (null if unassigned)
 * @param resolutionMs time from creation to this closing spent NEW or OPEN: PENDING time and time
 *     spent closed before a reopening are excluded
 * @param slaMet no SLA breach (assign or resolve) was recorded for the ticket before this closing
 */
public record Closing(
    UUID eventId,
    long ticketNumber,
    Long agentId,
    Instant closedAt,
    long resolutionMs,
    boolean slaMet) {}
