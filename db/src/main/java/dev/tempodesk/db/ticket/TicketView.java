package dev.tempodesk.db.ticket;

import java.time.OffsetDateTime;

/** A ticket row with the names of the people and things it refers to. */
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
    OffsetDateTime updatedAt) {

  public TicketCursor cursor() {
    return new TicketCursor(slaSortKey, number);
  }
}
