package dev.tempodesk.activities.ticket;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps between the workflow's ticket state and the tickets row. */
public final class TicketRows {
  private TicketRows() {}

  /**
   * The row as the workflow sees it. Columns the workflow does not own (mailbox, thread, previous
   * ticket) are left unset, so a projection write never touches them.
   */
  public static TicketsRecord toRow(TicketState ticket, Instant updatedAt) {
    return new TicketsRecord()
        .setNumber(ticket.number)
        .setSubject(ticket.subject)
        .setStatus(ticket.status.name())
        .setPriority(ticket.priority.name())
        .setAssigneeId(ticket.assigneeId)
        .setReporterId(ticket.reporterId)
        .setOrganizationId(ticket.organizationId)
        .setAssetId(ticket.assetId)
        .setChannel(ticket.channel.name())
        .setPendingReason(name(ticket.pendingReason))
        .setPendingUntil(at(ticket.pendingUntil))
        .setResolution(name(ticket.resolution))
        .setCreatedAt(at(ticket.createdAt))
        .setAssignedAt(at(ticket.assignedAt))
        .setFirstResponseAt(at(ticket.firstResponseAt))
        .setClosedAt(at(ticket.closedAt))
        .setVersion(ticket.version)
        .setUpdatedAt(at(updatedAt));
  }

  /** The state a workflow starts from when it is (re-)created from its row. */
  public static TicketState toState(TicketsRecord row, String assigneeName) {
    TicketState ticket = new TicketState();
    ticket.number = row.getNumber();
    ticket.subject = row.getSubject();
    ticket.status = TicketStatus.valueOf(row.getStatus());
    ticket.priority = Priority.valueOf(row.getPriority());
    ticket.assigneeId = row.getAssigneeId();
    ticket.assigneeName = assigneeName;
    ticket.reporterId = row.getReporterId();
    ticket.organizationId = row.getOrganizationId();
    ticket.assetId = row.getAssetId();
    ticket.channel = Channel.valueOf(row.getChannel());
    ticket.pendingReason =
        row.getPendingReason() == null ? null : PendingReason.valueOf(row.getPendingReason());
    ticket.pendingUntil = instant(row.getPendingUntil());
    ticket.resolution =
        row.getResolution() == null ? null : Resolution.valueOf(row.getResolution());
    ticket.createdAt = instant(row.getCreatedAt());
    ticket.assignedAt = instant(row.getAssignedAt());
    ticket.firstResponseAt = instant(row.getFirstResponseAt());
    ticket.closedAt = instant(row.getClosedAt());
    ticket.version = row.getVersion();
    return ticket;
  }

  public static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
