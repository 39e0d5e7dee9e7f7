package dev.tempodesk.db.ticket;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A ticket row with the names of the people and things it refers to; {@code row} is the whole
 * tickets row (SLA clock columns included).
 */
public record TicketView(
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
    long slaSortKey,
    long version,
    OffsetDateTime updatedAt,
    Long groupId,
    String groupName,
    List<String> tags,
    TicketsRecord row) {

  public TicketCursor cursor() {
    return new TicketCursor(slaSortKey, number);
  }
}
