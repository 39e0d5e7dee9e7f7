package dev.tempodesk.workflows.ticket;

import java.time.Duration;

/**
 * One change to a ticket, made by an agent with a required comment. Null fields mean "leave as is".
 *
 * @param expectedVersion if set, the change is refused unless the ticket is still at this version
 * @param pendingFor how long a PENDING ticket stays suspended, from the moment the change applies
 */
public record TicketUpdateRequest(
    Actor actor,
    String comment,
    Long expectedVersion,
    TicketStatus status,
    Priority priority,
    AssigneeChange assignee,
    PendingReason pendingReason,
    Duration pendingFor,
    Resolution resolution) {}
