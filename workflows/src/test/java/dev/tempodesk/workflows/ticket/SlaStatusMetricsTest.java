package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.SlaFixtures.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the API shows per metric, computed from the state and a moment alone (contract A). */
class SlaStatusMetricsTest {
  private static final AppliedSla POLICY =
      SlaFixtures.policy(3, "Enterprise", SlaFixtures.weekdays("09:00", "18:00"))
          .target(SlaMetric.TIME_TO_ASSIGN, Duration.ofHours(2))
          .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1))
          .target(SlaMetric.NEXT_REPLY, Duration.ofHours(4))
          .target(SlaMetric.RESOLUTION, Duration.ofHours(20))
          .build();
  private static final Instant FRIDAY_1755 = berlin("2026-12-04T17:55");

  private static TicketState ticketUnderPolicy() {
    TicketState ticket = TicketFixtures.newTicket(1, FRIDAY_1755);
    TicketSla.apply(ticket, POLICY, FRIDAY_1755);
    return ticket;
  }

  @Test
  void shouldListEveryMetricWithATargetInContractOrderWithBusinessTimeLeft() {
    TicketState ticket = ticketUnderPolicy();

    List<MetricStatus> metrics = SlaStatus.metrics(ticket, berlin("2026-12-05T12:00"));

    assertThat(metrics)
        .extracting(MetricStatus::metric)
        .containsExactly(
            SlaMetric.TIME_TO_ASSIGN,
            SlaMetric.FIRST_RESPONSE,
            SlaMetric.NEXT_REPLY,
            SlaMetric.RESOLUTION);
    MetricStatus firstResponse = metrics.get(1);
    assertThat(firstResponse.state()).isEqualTo(MetricStatus.State.RUNNING);
    assertThat(firstResponse.target()).isEqualTo(Duration.ofHours(1));
    assertThat(firstResponse.remaining()).as("Saturday counts nothing").hasMinutes(55);
    assertThat(firstResponse.dueAt()).isEqualTo(berlin("2026-12-07T09:55"));
    assertThat(firstResponse.warned()).isFalse();
    assertThat(firstResponse.breached()).isFalse();
    MetricStatus nextReply = metrics.get(2);
    assertThat(nextReply.state())
        .as("no customer message waits")
        .isEqualTo(MetricStatus.State.STOPPED);
    assertThat(nextReply.remaining()).isNull();
    assertThat(nextReply.dueAt()).isNull();
  }

  @Test
  void shouldShowOverdueAndWarningStatesBeforeTheirTimersFire() {
    TicketState ticket = ticketUnderPolicy();

    MetricStatus atWarning = SlaStatus.metrics(ticket, berlin("2026-12-07T09:43")).get(1);
    MetricStatus overdue = SlaStatus.metrics(ticket, berlin("2026-12-07T10:00")).get(1);

    assertThat(atWarning.warned()).as("12 of 60 minutes left").isTrue();
    assertThat(atWarning.breached()).isFalse();
    assertThat(overdue.remaining()).isEqualTo(Duration.ofMinutes(-5));
    assertThat(overdue.breached()).isTrue();
  }

  @Test
  void shouldFreezeAPausedMetricAndStopEveryMetricOfAClosedTicket() {
    TicketState ticket = ticketUnderPolicy();
    TicketState pending = ticket.copy();
    pending.status = TicketStatus.PENDING;
    pending.pendingReason = PendingReason.CUSTOMER;
    pending.pendingUntil = berlin("2026-12-10T09:00");
    TicketSla.follow(ticket, pending, SlaPolicy.defaults(), berlin("2026-12-07T09:30"));

    MetricStatus paused = SlaStatus.metrics(pending, berlin("2026-12-08T15:00")).get(1);
    assertThat(paused.state()).isEqualTo(MetricStatus.State.PAUSED);
    assertThat(paused.remaining()).isEqualTo(Duration.ofMinutes(25));
    assertThat(paused.dueAt()).isNull();

    TicketState closed = pending.copy();
    closed.status = TicketStatus.CLOSED;
    closed.resolution = Resolution.SOLVED;
    closed.closedAt = berlin("2026-12-08T15:00");
    TicketSla.follow(pending, closed, SlaPolicy.defaults(), closed.closedAt);
    assertThat(SlaStatus.metrics(closed, berlin("2026-12-09T15:00")))
        .allSatisfy(
            metric -> {
              assertThat(metric.state()).isEqualTo(MetricStatus.State.STOPPED);
              assertThat(metric.remaining()).isNull();
            });
  }

  @Test
  void shouldShowTheRoundTheClockClocksOfATicketFromBeforePolicies() {
    Instant created = Instant.parse("2026-12-04T16:55:00Z");
    TicketState ticket = TicketFixtures.newTicket(2, created);
    TicketSla.start(ticket, SlaPolicy.defaults(), created);

    List<MetricStatus> metrics = SlaStatus.metrics(ticket, created.plus(Duration.ofHours(1)));

    assertThat(metrics)
        .extracting(MetricStatus::metric, MetricStatus::remaining)
        .containsExactly(
            tuple(SlaMetric.TIME_TO_ASSIGN, Duration.ofHours(3)),
            tuple(SlaMetric.RESOLUTION, Duration.ofHours(23)));
  }

  @Test
  void shouldCarryThePolicyAndClocksThroughTheWorkflowPayloadUnchanged() {
    TicketState ticket = ticketUnderPolicy();
    var converter = DefaultDataConverter.newDefaultInstance();

    TicketState back =
        converter.fromPayload(
            converter.toPayload(ticket).orElseThrow(), TicketState.class, TicketState.class);

    assertThat(back.sla).isEqualTo(POLICY);
    assertThat(back.firstResponseClock.dueAt).isEqualTo(ticket.firstResponseClock.dueAt);
    assertThat(back.nextReplyClock.target).isEqualTo(Duration.ofHours(4));
    assertThat(SlaStatus.metrics(back, FRIDAY_1755))
        .isEqualTo(SlaStatus.metrics(ticket, FRIDAY_1755));
  }
}
