package dev.tempodesk.activities.ticket;

import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaClock;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaStatus;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's path: the workflow's state, written as a row and read back, keeps its clocks.
 */
class TicketRowsSlaTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123Z");

  @Test
  void shouldRestoreRunningClocksAndSortByTheResolveDeadline() {
    TicketState ticket = ticket(TicketStatus.NEW);
    TicketSla.start(ticket, SlaPolicy.defaults(), T0.plusSeconds(5));
    ticket.assignClock.warned = true;

    TicketsRecord row = TicketRows.toRow(ticket, T0);
    TicketState restored = TicketRows.toState(row, null);

    assertThat(row.getAssignDueAt().toInstant()).isEqualTo(T0.plus(Duration.ofHours(4)));
    assertThat(row.getResolveDueAt().toInstant()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(row.getSlaSortKey()).isEqualTo(T0.plus(Duration.ofHours(24)).toEpochMilli());
    assertSameClock(restored.assignClock, ticket.assignClock);
    assertSameClock(restored.resolveClock, ticket.resolveClock);
  }

  @Test
  void shouldRestorePausedClocksToTheMillisecond() {
    TicketState ticket = ticket(TicketStatus.NEW);
    TicketSla.start(ticket, SlaPolicy.defaults(), T0);
    TicketState pending = ticket.copy();
    pending.status = TicketStatus.PENDING;
    pending.pendingReason = PendingReason.CUSTOMER;
    pending.pendingUntil = T0.plus(Duration.ofDays(1));
    TicketSla.follow(ticket, pending, SlaPolicy.defaults(), T0.plusMillis(3_600_321));

    TicketsRecord row = TicketRows.toRow(pending, T0);
    TicketState restored = TicketRows.toState(row, null);

    assertThat(row.getResolveDueAt()).isNull();
    assertThat(row.getSlaSortKey()).isEqualTo(Long.MAX_VALUE);
    assertThat(row.getResolveRemainingMs()).isEqualTo(Duration.ofHours(23).toMillis() - 321);
    assertSameClock(restored.assignClock, pending.assignClock);
    assertSameClock(restored.resolveClock, pending.resolveClock);
    Instant later = T0.plus(Duration.ofHours(5));
    assertThat(SlaStatus.of(restored, later)).isEqualTo(SlaStatus.of(pending, later));
  }

  @Test
  void shouldKeepAStoppedAssignClockAndItsBreach() {
    TicketState ticket = ticket(TicketStatus.OPEN);
    ticket.assigneeId = 7L;
    ticket.assignedAt = T0.plus(Duration.ofHours(5));
    TicketSla.start(ticket, SlaPolicy.defaults(), ticket.assignedAt);
    ticket.assignClock.warned = true;
    ticket.assignClock.breached = true;

    TicketState restored = TicketRows.toState(TicketRows.toRow(ticket, T0), "Alice Agent");

    assertThat(restored.assignClock.counting()).isFalse();
    assertSameClock(restored.assignClock, ticket.assignClock);
    assertThat(SlaStatus.of(restored, T0).assignBreached()).isTrue();
  }

  @Test
  void shouldLeaveSlaColumnsAloneForAWorkflowWithoutClocks() {
    TicketState legacy = ticket(TicketStatus.NEW);

    TicketsRecord row = TicketRows.toRow(legacy, T0);
    TicketState restored = TicketRows.toState(row, null);

    assertThat(row.changed(TICKETS.RESOLVE_DUE_AT)).isFalse();
    assertThat(row.changed(TICKETS.SLA_SORT_KEY)).isFalse();
    assertThat(row.changed(TICKETS.RESOLVE_BREACHED)).isFalse();
    assertThat(restored.assignClock).as("started by the workflow").isNull();
    assertThat(restored.resolveClock).isNull();
  }

  private static TicketState ticket(TicketStatus status) {
    TicketState ticket = new TicketState();
    ticket.number = 1042;
    ticket.subject = "VPN drops";
    ticket.status = status;
    ticket.priority = Priority.NORMAL;
    ticket.reporterId = 10;
    ticket.channel = Channel.EMAIL;
    ticket.createdAt = T0;
    return ticket;
  }

  private static void assertSameClock(SlaClock actual, SlaClock expected) {
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
  }
}
