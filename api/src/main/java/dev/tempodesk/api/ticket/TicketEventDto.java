package dev.tempodesk.api.ticket;

import dev.tempodesk.workflows.ticket.FieldChange;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An entry of a ticket's audit trail: who changed what, when, and why. */
public record TicketEventDto(
    UUID id,
    String kind,
    long ticketVersion,
    String actorKind,
    Long actorId,
    String actorName,
    String comment,
    List<FieldChange> changes,
    OffsetDateTime occurredAt) {}
