package dev.tempodesk.activities.ticket;

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
import org.jooq.JSONB;
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
            .setUpdatedAt(at(updatedAt));
    return withSla(row, ticket);
  }

  /**
   * Sets the SLA columns from the ticket's clocks. A workflow that does not track SLAs (started
   * before them) leaves the columns alone; one that holds a policy (issue 18) writes every clock, a
   * missing one (no target) as nulls.
   */
  public static TicketsRecord withSla(TicketsRecord row, TicketState ticket) {
    if (ticket.sla != null) {
      return withPolicyClocks(row, ticket);
    }
    if (ticket.assignClock != null && ticket.resolveClock != null) {
      SlaClock assign = ticket.assignClock;
      SlaClock resolve = ticket.resolveClock;
      row.setAssignDueAt(at(assign.dueAt))
          .setAssignRemainingMs(millis(assign.remaining))
          .setAssignTargetMs(millis(assign.target))
          .setAssignWarned(assign.warned)
          .setAssignBreached(assign.breached)
          .setResolveDueAt(at(resolve.dueAt))
          .setResolveRemainingMs(millis(resolve.remaining))
          .setResolveTargetMs(millis(resolve.target))
          .setResolveWarned(resolve.warned)
          .setResolveBreached(resolve.breached)
          .setSlaSortKey(slaSortKey(resolve));
    }
    return row;
  }

  private static TicketsRecord withPolicyClocks(TicketsRecord row, TicketState ticket) {
    SlaClock assign = orStopped(ticket.assignClock);
    SlaClock resolve = orStopped(ticket.resolveClock);
    SlaClock firstResponse = orStopped(ticket.firstResponseClock);
    SlaClock nextReply = orStopped(ticket.nextReplyClock);
    return row.setSlaApplied(JSONB.valueOf(SLA_JSON.writeValueAsString(ticket.sla)))
        .setSlaPolicyId(ticket.sla.policyId())
        .setSlaCalendarId(ticket.sla.calendarId())
        .setAssignDueAt(at(assign.dueAt))
        .setAssignRemainingMs(millis(assign.remaining))
        .setAssignTargetMs(millis(assign.target))
        .setAssignWarned(assign.warned)
        .setAssignBreached(assign.breached)
        .setResolveDueAt(at(resolve.dueAt))
        .setResolveRemainingMs(millis(resolve.remaining))
        .setResolveTargetMs(millis(resolve.target))
        .setResolveWarned(resolve.warned)
        .setResolveBreached(resolve.breached)
        .setFirstResponseDueAt(at(firstResponse.dueAt))
        .setFirstResponseRemainingMs(millis(firstResponse.remaining))
        .setFirstResponseTargetMs(millis(firstResponse.target))
        .setFirstResponseWarned(firstResponse.warned)
        .setFirstResponseBreached(firstResponse.breached)
        .setNextReplyDueAt(at(nextReply.dueAt))
        .setNextReplyRemainingMs(millis(nextReply.remaining))
        .setNextReplyTargetMs(millis(nextReply.target))
        .setNextReplyWarned(nextReply.warned)
        .setNextReplyBreached(nextReply.breached)
        .setAwaitingReplySince(at(ticket.awaitingReplySince))
        .setSlaSortKey(slaSortKey(ticket.resolveClock));
  }

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
    if (row.getAssignTargetMs() != null) {
      ticket.assignClock =
          clock(
              row.getAssignTargetMs(),
              row.getAssignDueAt(),
              row.getAssignRemainingMs(),
              row.getAssignWarned(),
              row.getAssignBreached());
    }
    if (row.getResolveTargetMs() != null) {
      ticket.resolveClock =
          clock(
              row.getResolveTargetMs(),
              row.getResolveDueAt(),
              row.getResolveRemainingMs(),
              row.getResolveWarned(),
              row.getResolveBreached());
    }
    if (row.getSlaApplied() != null) {
      ticket.sla = SLA_JSON.readValue(row.getSlaApplied().data(), AppliedSla.class);
    }
    if (row.getFirstResponseTargetMs() != null) {
      ticket.firstResponseClock =
          clock(
              row.getFirstResponseTargetMs(),
              row.getFirstResponseDueAt(),
              row.getFirstResponseRemainingMs(),
              row.getFirstResponseWarned(),
              row.getFirstResponseBreached());
    }
    if (row.getNextReplyTargetMs() != null) {
      ticket.nextReplyClock =
          clock(
              row.getNextReplyTargetMs(),
              row.getNextReplyDueAt(),
              row.getNextReplyRemainingMs(),
              row.getNextReplyWarned(),
              row.getNextReplyBreached());
    }
    ticket.awaitingReplySince = instant(row.getAwaitingReplySince());
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

  private static SlaClock clock(
      long targetMs, OffsetDateTime dueAt, Long remainingMs, Boolean warned, Boolean breached) {
    SlaClock clock = new SlaClock();
    clock.target = Duration.ofMillis(targetMs);
    clock.dueAt = instant(dueAt);
    clock.remaining = remainingMs == null ? null : Duration.ofMillis(remainingMs);
    clock.warned = Boolean.TRUE.equals(warned);
    clock.breached = Boolean.TRUE.equals(breached);
    return clock;
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
