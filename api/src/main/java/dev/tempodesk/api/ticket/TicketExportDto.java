package dev.tempodesk.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A ticket's full record for archiving or handing over: what {@code GET /api/tickets/{number}},
 * {@code /messages} and {@code /events} answer, in one document.
 */
@Schema(
    description = "A ticket, its whole thread (attachments as metadata and URL) and audit trail")
public record TicketExportDto(
    Instant exportedAt,
    TicketDto ticket,
    @Schema(description = "Oldest first, internal notes included") List<MessageDto> messages,
    @Schema(description = "The audit trail, oldest first") List<TicketEventDto> events) {}
