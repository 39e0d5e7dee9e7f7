package dev.tempodesk.activities.ticket;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.AppliedSla;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.SlaClock;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import org.jooq.JSONB;
import org.jooq.TableField;
import tools.jackson.databind.json.JsonMapper;

/** Maps between the workflow's ticket state and the tickets row. */
public final class TicketRows {
  /** Writes and reads the {@code sla_applied} copy of the policy and calendar. */
  private static final JsonMapper SLA_JSON = JsonMapper.builder().build();

  private TicketRows() {}

  /**
   * The row as the workflow sees it. Columns the workflow does not own (mailbox, thread, previous
   * ticket) are left unset, so a projection write never touches them.
   */
  public static TicketsRecord toRow(TicketState ticket, Instant updatedAt) {
    TicketsRecord row =
        new TicketsRecord()
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
            .setTags(ticket.tags == null ? new String[0] : ticket.tags.toArray(String[]::new))
            .setUpdatedAt(at(updatedAt));
    // A run from before groups (issue 21) knows no group: the row keeps the one it has.
    if (ticket.groupId != null) {
      row.setGroupId(ticket.groupId);
    }
    return withSla(row, ticket);
  }

  /**
   * Sets the SLA columns from the ticket's clocks. A workflow that does not track SLAs (started
   * before them) leaves the columns alone; one that holds a policy (issue 18) writes every clock, a
   * missing one (no target) as nulls.
   */
  public static TicketsRecord withSla(TicketsRecord row, TicketState ticket) {
    if (ticket.sla != null) {
      row.setSlaApplied(JSONB.valueOf(SLA_JSON.writeValueAsString(ticket.sla)))
          .setSlaPolicyId(ticket.sla.policyId())
          .setSlaCalendarId(ticket.sla.calendarId())
          .setAwaitingReplySince(at(ticket.awaitingReplySince));
      ASSIGN.write(row, orStopped(ticket.assignClock));
      RESOLVE.write(row, orStopped(ticket.resolveClock));
      FIRST_RESPONSE.write(row, orStopped(ticket.firstResponseClock));
      NEXT_REPLY.write(row, orStopped(ticket.nextReplyClock));
      return row.setSlaSortKey(slaSortKey(ticket.resolveClock));
    }
    if (ticket.assignClock != null && ticket.resolveClock != null) {
      ASSIGN.write(row, ticket.assignClock);
      RESOLVE.write(row, ticket.resolveClock);
      row.setSlaSortKey(slaSortKey(ticket.resolveClock));
    }
    return row;
  }

  /** The five columns of one SLA clock in the tickets row. */
  private record ClockColumns(
      TableField<TicketsRecord, OffsetDateTime> dueAt,
      TableField<TicketsRecord, Long> remainingMs,
      TableField<TicketsRecord, Long> targetMs,
      TableField<TicketsRecord, Boolean> warned,
      TableField<TicketsRecord, Boolean> breached) {

    void write(TicketsRecord row, SlaClock clock) {
      row.set(dueAt, at(clock.dueAt));
      row.set(remainingMs, millis(clock.remaining));
      row.set(targetMs, millis(clock.target));
      row.set(warned, clock.warned);
      row.set(breached, clock.breached);
    }

    /** The clock, or null when the row holds none (no target). */
    SlaClock read(TicketsRecord row) {
      Long target = row.get(targetMs);
      if (target == null) {
        return null;
      }
      SlaClock clock = new SlaClock();
      clock.target = Duration.ofMillis(target);
      clock.dueAt = instant(row.get(dueAt));
      Long remaining = row.get(remainingMs);
      clock.remaining = remaining == null ? null : Duration.ofMillis(remaining);
      clock.warned = Boolean.TRUE.equals(row.get(warned));
      clock.breached = Boolean.TRUE.equals(row.get(breached));
      return clock;
    }
  }

  private static final ClockColumns ASSIGN =
      new ClockColumns(
          TICKETS.ASSIGN_DUE_AT,
          TICKETS.ASSIGN_REMAINING_MS,
          TICKETS.ASSIGN_TARGET_MS,
          TICKETS.ASSIGN_WARNED,
          TICKETS.ASSIGN_BREACHED);
  private static final ClockColumns RESOLVE =
      new ClockColumns(
          TICKETS.RESOLVE_DUE_AT,
          TICKETS.RESOLVE_REMAINING_MS,
          TICKETS.RESOLVE_TARGET_MS,
          TICKETS.RESOLVE_WARNED,
          TICKETS.RESOLVE_BREACHED);
  private static final ClockColumns FIRST_RESPONSE =
      new ClockColumns(
          TICKETS.FIRST_RESPONSE_DUE_AT,
          TICKETS.FIRST_RESPONSE_REMAINING_MS,
          TICKETS.FIRST_RESPONSE_TARGET_MS,
          TICKETS.FIRST_RESPONSE_WARNED,
          TICKETS.FIRST_RESPONSE_BREACHED);
  private static final ClockColumns NEXT_REPLY =
      new ClockColumns(
          TICKETS.NEXT_REPLY_DUE_AT,
          TICKETS.NEXT_REPLY_REMAINING_MS,
          TICKETS.NEXT_REPLY_TARGET_MS,
          TICKETS.NEXT_REPLY_WARNED,
          TICKETS.NEXT_REPLY_BREACHED);

  /** A clock the policy does not set: no target, nothing counting, no alarm. */
  private static SlaClock orStopped(SlaClock clock) {
    return clock == null ? new SlaClock() : clock;
  }

  /** Orders the list most urgent first: running resolve deadlines, then everything else. */
  public static long slaSortKey(SlaClock resolve) {
    return resolve != null && resolve.running() ? resolve.dueAt.toEpochMilli() : Long.MAX_VALUE;
  }

  /** The state a workflow starts from when it is (re-)created from its row. */
  public static TicketState toState(TicketsRecord row, String assigneeName) {
    return toState(row, assigneeName, null);
  }

  /**
   * The state a workflow starts from, with the names the row does not hold (it has the ids): the
   * assignee's and the group's, as the audit trail shows them.
   */
  public static TicketState toState(TicketsRecord row, String assigneeName, String groupName) {
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
    ticket.assignClock = ASSIGN.read(row);
    ticket.resolveClock = RESOLVE.read(row);
    if (row.getSlaApplied() != null) {
      ticket.sla = SLA_JSON.readValue(row.getSlaApplied().data(), AppliedSla.class);
    }
    ticket.firstResponseClock = FIRST_RESPONSE.read(row);
    ticket.nextReplyClock = NEXT_REPLY.read(row);
    ticket.awaitingReplySince = instant(row.getAwaitingReplySince());
    ticket.tags =
        row.getTags() == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(row.getTags()));
    ticket.groupId = row.getGroupId();
    ticket.groupName = ticket.groupId == null ? null : groupName;
    return ticket;
  }

  /** {@link TicketPolicy#reopenWindowOver}, the reopen rule, for a ticket's row. */
  public static boolean reopenWindowOver(TicketsRecord row, TicketPolicy policy, Instant now) {
    return policy.reopenWindowOver(
        TicketStatus.valueOf(row.getStatus()), instant(row.getClosedAt()), now);
  }

  public static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Long millis(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
