package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.db.ticket.TicketView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A ticket as the API shows it. */
public record TicketDto(
    long number,
    String subject,
    String status,
    String priority,
    String channel,
    Long assigneeId,
    String assigneeName,
    long reporterId,
    String reporterName,
    String reporterEmail,
    Long organizationId,
    String organizationName,
    Long assetId,
    String assetName,
    @Schema(description = "The group (queue) the ticket belongs to") long groupId,
    String groupName,
    String pendingReason,
    OffsetDateTime pendingUntil,
    String resolution,
    Long previousTicket,
    OffsetDateTime createdAt,
    OffsetDateTime assignedAt,
    OffsetDateTime firstResponseAt,
    OffsetDateTime closedAt,
    OffsetDateTime assignDueAt,
    OffsetDateTime resolveDueAt,
    long version,
    OffsetDateTime updatedAt,
    @Schema(description = "Normalized (lower case, trimmed), sorted") List<String> tags,
    SlaDto sla) {

  static TicketDto from(TicketView view, Instant now) {
    return new TicketDto(
        view.number(),
        view.subject(),
        view.status(),
        view.priority(),
        view.channel(),
        view.assigneeId(),
        view.assigneeName(),
        view.reporterId(),
        view.reporterName(),
        view.reporterEmail(),
        view.organizationId(),
        view.organizationName(),
        view.assetId(),
        view.assetName(),
        view.groupId(),
        view.groupName(),
        view.pendingReason(),
        view.pendingUntil(),
        view.resolution(),
        view.previousTicket(),
        view.createdAt(),
        view.assignedAt(),
        view.firstResponseAt(),
        view.closedAt(),
        view.assignDueAt(),
        view.resolveDueAt(),
        view.version(),
        view.updatedAt(),
        view.tags(),
        SlaDto.of(TicketRows.toState(view.row(), view.assigneeName()), now));
  }
}
