package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.SlaFixtures.berlin;
import static dev.tempodesk.workflows.ticket.SlaFixtures.weekdays;
import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE_ACTOR;
import static dev.tempodesk.workflows.ticket.TicketFixtures.CUSTOMER;
import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SLA policies in the ticket workflow (issue 18), in virtual time: clocks count business time of
 * the policy's calendar and fire their alarms as one durable timer at the exact instant. Every
 * calendar here is in Europe/Berlin, and every instant is Berlin wall-clock time ({@link
 * SlaFixtures#berlin}).
 */
class TicketBusinessSlaWorkflowTest {
  private static final Instant FRIDAY_1755 = berlin("2026-12-04T17:55");
  private static final BusinessCalendar NINE_TO_SIX = weekdays("09:00", "18:00");

  private TicketWorkflowHarness harness;
  private SlaTimeline timeline;

  @AfterEach
  void stopServer() {
    harness.close();
  }

  /** A server whose clock starts at {@code createdAt}, and a ticket created then. */
  private TicketWorkflow ticketAt(Instant createdAt, AppliedSla policy, Priority priority) {
    harness = new TicketWorkflowHarness(createdAt);
    timeline = new SlaTimeline(harness);
    harness.store.governBy(policy);
    TicketState created = TicketFixtures.newTicket(1, createdAt);
    created.priority = priority;
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    awaitState(ticket, state -> state.sla != null);
    return ticket;
  }

  /** The ticket's state once it meets {@code condition}: a query may run before a change lands. */
  private static TicketState awaitState(TicketWorkflow ticket, Predicate<TicketState> condition) {
    long giveUp = System.currentTimeMillis() + 10_000;
    TicketState state = ticket.current();
    while (!condition.test(state) && System.currentTimeMillis() < giveUp) {
      sleepBriefly();
      state = ticket.current();
    }
    assertThat(condition.test(state)).as("state reached").isTrue();
    return state;
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static AppliedSla firstResponseIn(BusinessCalendar calendar, Duration target) {
    return SlaFixtures.policy(3, "Enterprise", calendar)
        .target(SlaMetric.FIRST_RESPONSE, target)
        .build();
  }

  @Test
  void shouldBreachOneBusinessHourFromFriday1755AtMonday0955AndNotBefore() {
    TicketWorkflow ticket =
        ticketAt(FRIDAY_1755, firstResponseIn(NINE_TO_SIX, Duration.ofHours(1)), Priority.NORMAL);

    // 48 minutes used: 5 on Friday, 43 on Monday.
    timeline.expectAlarm(berlin("2026-12-07T09:43"), "firstResponseWarned");
    harness.sleepUntil(berlin("2026-12-07T09:54:59"));
    TicketState justBefore = ticket.current();
    assertThat(justBefore.firstResponseClock.breached).isFalse();
    assertThat(SlaStatus.metrics(justBefore, berlin("2026-12-07T09:54:59")).getFirst().remaining())
        .isEqualTo(Duration.ofSeconds(1));
    timeline.expectAlarm(berlin("2026-12-07T09:55"), "firstResponseBreached");

    TicketEvent applied = timeline.events(TicketEvent.Kind.SLA_POLICY_APPLIED).getFirst();
    assertThat(applied.comment()).isEqualTo("SLA policy \"Enterprise\" applied");
    assertThat(applied.actor()).isEqualTo(Actor.SYSTEM);
    assertThat(applied.changes())
        .contains(
            new FieldChange("slaPolicy", null, "Enterprise"),
            new FieldChange("firstResponseDueAt", null, berlin("2026-12-07T09:55").toString()));
    assertThat(harness.store.lookUps())
        .containsExactly(
            new SlaPolicyRules.TicketFacts(null, Priority.NORMAL, Channel.EMAIL, null));
    TicketEvent breach = timeline.slaEvents().getLast().event();
    assertThat(breach.comment()).isEqualTo("FIRST_RESPONSE SLA BREACH");
  }

  @Test
  void shouldStartCountingAtMondaysOpeningWhenCreatedAfterClosing() {
    // The example ("created Friday 17:55 ... breaches Monday 09:55, calendar 09-17") does
    // not add up: with 09:00-17:00 the ticket arrives after closing, so its one business hour is
    // Monday 09:00-10:00. Monday 09:55 needs a calendar open until 18:00 (the test above).
    TicketWorkflow ticket =
        ticketAt(
            FRIDAY_1755,
            firstResponseIn(weekdays("09:00", "17:00"), Duration.ofHours(1)),
            Priority.NORMAL);

    assertThat(ticket.current().firstResponseClock.dueAt).isEqualTo(berlin("2026-12-07T10:00"));
    timeline.expectAlarm(berlin("2026-12-07T09:48"), "firstResponseWarned");
    timeline.expectAlarm(berlin("2026-12-07T10:00"), "firstResponseBreached");
  }

  @Test
  void shouldSkipAHolidayOnMonday() {
    BusinessCalendar mondayOff = weekdays("09:00", "18:00", LocalDate.parse("2026-12-07"));
    TicketWorkflow ticket =
        ticketAt(FRIDAY_1755, firstResponseIn(mondayOff, Duration.ofHours(1)), Priority.NORMAL);

    assertThat(ticket.current().firstResponseClock.dueAt).isEqualTo(berlin("2026-12-08T09:55"));
    timeline.expectAlarm(berlin("2026-12-08T09:43"), "firstResponseWarned");
    timeline.expectAlarm(berlin("2026-12-08T09:55"), "firstResponseBreached");
  }

  @ParameterizedTest(name = "{0} (weekend of a clock change) to {1}, {2} h of real time")
  @CsvSource({"2026-10-23T17:55, 2026-10-26T09:55, 65", "2026-03-27T17:55, 2026-03-30T09:55, 63"})
  void shouldMoveNothingInBusinessTimeOverADstWeekend(
      String created, String breachesAt, long realHours) {
    Instant createdAt = berlin(created);
    Instant due = berlin(breachesAt);
    TicketWorkflow ticket =
        ticketAt(createdAt, firstResponseIn(NINE_TO_SIX, Duration.ofHours(1)), Priority.NORMAL);

    assertThat(ticket.current().firstResponseClock.dueAt).isEqualTo(due);
    assertThat(Duration.between(createdAt, due)).hasHours(realHours);
    timeline.expectAlarm(due.minus(Duration.ofMinutes(12)), "firstResponseWarned");
    timeline.expectAlarm(due, "firstResponseBreached");
  }

  @Test
  void shouldRetimeTheClockWhenThePolicyChangesMidTicket() {
    AppliedSla fourHours = firstResponseIn(NINE_TO_SIX, Duration.ofHours(4));
    TicketWorkflow ticket = ticketAt(FRIDAY_1755, fourHours, Priority.NORMAL);
    assertThat(ticket.current().firstResponseClock.dueAt).isEqualTo(berlin("2026-12-07T12:55"));
    harness.sleepUntil(berlin("2026-12-07T10:00"));

    // 1 h 05 used, 2 h 55 left: the tighter target caps what is left at 2 h.
    harness.store.governBy(firstResponseIn(NINE_TO_SIX, Duration.ofHours(2)));
    ticket.recalculateSla(new SlaRecalculation("policy \"Enterprise\" changed"));
    TicketEvent recalculated = awaitPolicyEvents(2).getLast();
    Instant due =
        awaitState(ticket, state -> state.firstResponseClock.target.toHours() == 2)
            .firstResponseClock
            .dueAt;

    assertThat(recalculated.comment()).isEqualTo("SLA recalculated: policy \"Enterprise\" changed");
    assertThat(recalculated.occurredAt())
        .isBetween(berlin("2026-12-07T10:00"), berlin("2026-12-07T10:00:01"));
    assertThat(due).isBetween(berlin("2026-12-07T12:00"), berlin("2026-12-07T12:00:01"));
    assertThat(recalculated.changes())
        .containsExactly(
            new FieldChange("firstResponseTarget", "PT4H", "PT2H"),
            new FieldChange(
                "firstResponseDueAt", berlin("2026-12-07T12:55").toString(), due.toString()));
    timeline.expectAlarm(due.minus(Duration.ofMinutes(24)), "firstResponseWarned");
    timeline.expectAlarm(due, "firstResponseBreached");

    ticket.recalculateSla(new SlaRecalculation("policy \"Enterprise\" changed"));
    harness.sleep(Duration.ofMinutes(1));
    assertThat(timeline.events(TicketEvent.Kind.SLA_POLICY_APPLIED))
        .as("nothing changed: nothing recorded")
        .hasSize(2);
  }

  @Test
  void shouldCountOpenTimeOfTheNewCalendarAfterARecalculation() {
    TicketWorkflow ticket =
        ticketAt(FRIDAY_1755, firstResponseIn(NINE_TO_SIX, Duration.ofHours(1)), Priority.NORMAL);
    harness.sleepUntil(berlin("2026-12-05T10:00"));

    BusinessCalendar saturdaysToo =
        BusinessCalendar.in("Europe/Berlin")
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "18:00")
            .open(DayOfWeek.SATURDAY, "10:00", "14:00")
            .build();
    harness.store.governBy(
        SlaFixtures.policy(3, "Enterprise", saturdaysToo)
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1))
            .build());
    ticket.recalculateSla(new SlaRecalculation("calendar \"Calendar 3\" changed"));
    awaitPolicyEvents(2);

    // 55 minutes were left; Saturday 10:00 is open now.
    Instant due =
        awaitState(ticket, state -> state.sla.calendar().equals(saturdaysToo))
            .firstResponseClock
            .dueAt;
    assertThat(due).isBetween(berlin("2026-12-05T10:55"), berlin("2026-12-05T10:55:01"));
    timeline.expectAlarm(due.minus(Duration.ofMinutes(12)), "firstResponseWarned");
    timeline.expectAlarm(due, "firstResponseBreached");
  }

  @Test
  void shouldRunOneNextReplyCyclePerUnansweredCustomerMessage() {
    AppliedSla policy =
        SlaFixtures.policy(3, "Enterprise", NINE_TO_SIX)
            .target(SlaMetric.NEXT_REPLY, Duration.ofHours(2))
            .build();
    TicketWorkflow ticket = ticketAt(berlin("2026-12-07T09:00"), policy, Priority.NORMAL);
    ticket.newMessage(new InboundMessage("m-0", CUSTOMER, null));
    harness.sleepUntil(berlin("2026-12-07T09:30"));
    assertThat(ticket.current().awaitingReplySince)
        .as("before the first response, the first-response clock covers customer messages")
        .isNull();
    ticket.reply(reply("Looking into it."));

    // Cycle 1: from the oldest unanswered message to the next reply, met.
    harness.sleepUntil(berlin("2026-12-07T10:00"));
    ticket.newMessage(new InboundMessage("m-1", CUSTOMER, null));
    TicketEvent waiting = awaitEvents(TicketEvent.Kind.AWAITING_REPLY, 1).getLast();
    assertThat(waiting.actor()).isEqualTo(CUSTOMER);
    TicketState cycleOneState = awaitState(ticket, state -> state.awaitingReplySince != null);
    Instant cycleOne = cycleOneState.awaitingReplySince;
    assertThat(cycleOneState.nextReplyClock.dueAt).isEqualTo(cycleOne.plus(Duration.ofHours(2)));
    harness.sleepUntil(berlin("2026-12-07T10:30"));
    ticket.newMessage(new InboundMessage("m-2", CUSTOMER, null));
    harness.sleep(Duration.ofSeconds(1));
    assertThat(ticket.current().awaitingReplySince).as("still the oldest").isEqualTo(cycleOne);
    harness.sleepUntil(berlin("2026-12-07T11:00"));
    ticket.reply(reply("Try this."));
    TicketState answered = ticket.current();
    assertThat(answered.awaitingReplySince).isNull();
    assertThat(SlaStatus.metrics(answered, harness.now()).getFirst())
        .extracting(MetricStatus::state, MetricStatus::breached)
        .containsExactly(MetricStatus.State.STOPPED, false);

    // Cycle 2 starts at 17:00 Monday: 1 h Monday, 1 h Tuesday, breached Tuesday 10:00.
    harness.sleepUntil(berlin("2026-12-07T17:00"));
    ticket.newMessage(new InboundMessage("m-3", CUSTOMER, null));
    TicketState cycleTwoState = awaitState(ticket, state -> state.awaitingReplySince != null);
    Instant cycleTwo = cycleTwoState.awaitingReplySince;
    assertThat(cycleTwoState.nextReplyClock.running()).isTrue();
    timeline.expectAlarm(berlin("2026-12-08T09:36"), "nextReplyWarned");
    timeline.expectAlarm(
        berlin("2026-12-08T10:00").plus(Duration.between(berlin("2026-12-07T17:00"), cycleTwo)),
        "nextReplyBreached");
    TicketEvent breach = timeline.slaEvents().getLast().event();
    assertThat(breach.comment()).isEqualTo("NEXT_REPLY SLA BREACH");
    assertThat(breach.changes())
        .containsExactly(
            new FieldChange("nextReplyBreached", "false", "true"),
            new FieldChange("nextReplyCycleStart", null, cycleTwo.toString()));

    // Cycle 3: a new customer message after the reply starts with fresh flags.
    ticket.reply(reply("Fixed."));
    ticket.newMessage(new InboundMessage("m-4", CUSTOMER, null));
    SlaClock third = awaitState(ticket, state -> state.awaitingReplySince != null).nextReplyClock;
    assertThat(third.running()).isTrue();
    assertThat(third.warned).isFalse();
    assertThat(third.breached).isFalse();
  }

  @Test
  void shouldPauseEachMetricOnlyForThePendingReasonsItsPolicyNames() {
    AppliedSla policy =
        SlaFixtures.policy(3, "Enterprise", NINE_TO_SIX)
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4))
            .target(SlaMetric.RESOLUTION, Duration.ofHours(8))
            .pausedBy(SlaMetric.FIRST_RESPONSE)
            .pausedBy(SlaMetric.RESOLUTION, PendingReason.CUSTOMER)
            .build();
    TicketWorkflow ticket = ticketAt(berlin("2026-12-07T09:00"), policy, Priority.NORMAL);
    ticket.update(change("yours").assign(ALICE).build());
    harness.sleepUntil(berlin("2026-12-07T10:00"));

    TicketState pending =
        ticket
            .update(change("logs?").pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build())
            .ticket();
    assertThat(pending.firstResponseClock.dueAt)
        .as("nothing pauses first response")
        .isEqualTo(berlin("2026-12-07T13:00"));
    assertThat(pending.resolveClock.running()).isFalse();
    Duration left = pending.resolveClock.remaining;
    assertThat(left).isBetween(Duration.ofHours(7).minusSeconds(1), Duration.ofHours(7));

    harness.sleepUntil(berlin("2026-12-07T12:00"));
    ticket.newMessage(new InboundMessage("m-1", CUSTOMER, null));
    awaitEvents(TicketEvent.Kind.RESUMED_BY_CUSTOMER, 1);
    Instant resumedAt =
        timeline.events(TicketEvent.Kind.RESUMED_BY_CUSTOMER).getFirst().occurredAt();
    // 6 h until closing Monday, the last hour on Tuesday.
    Instant resolveDue =
        awaitState(ticket, state -> state.status == TicketStatus.OPEN).resolveClock.dueAt;
    assertThat(resolveDue).isBetween(berlin("2026-12-08T09:59:59"), berlin("2026-12-08T10:00:01"));
    assertThat(resolveDue).isEqualTo(NINE_TO_SIX.addBusinessTime(resumedAt, left));
    assertThat(NINE_TO_SIX.businessTimeBetween(resumedAt, resolveDue)).isEqualTo(left);

    TicketState waitingForCarrier =
        ticket
            .update(
                change("carrier").pending(PendingReason.THIRD_PARTY, Duration.ofDays(1)).build())
            .ticket();
    assertThat(waitingForCarrier.resolveClock.dueAt)
        .as("THIRD_PARTY does not pause resolution in this policy")
        .isEqualTo(resolveDue);
    timeline.expectAlarm(berlin("2026-12-07T12:12"), "firstResponseWarned");
  }

  @Test
  void shouldRetargetInBusinessTimeAndSwitchPolicyWhenThePriorityChanges() {
    AppliedSla standard =
        SlaFixtures.policy(3, "Standard", NINE_TO_SIX)
            .target(SlaMetric.RESOLUTION, Duration.ofHours(8))
            .build();
    AppliedSla urgentLane =
        SlaFixtures.policy(4, "Urgent lane", NINE_TO_SIX)
            .target(SlaMetric.RESOLUTION, Duration.ofHours(2))
            .build();
    TicketWorkflow ticket = ticketAt(berlin("2026-12-04T17:00"), standard, Priority.NORMAL);
    harness.store.governBy(facts -> facts.priority() == Priority.URGENT ? urgentLane : standard);
    harness.sleepUntil(berlin("2026-12-04T17:30"));

    // Escalation: min(7 h 30 left, 2 h) = 2 h from 17:30: 30 min Friday, 1 h 30 Monday.
    TicketUpdateResult escalated =
        ticket.update(change("whole office down").priority(Priority.URGENT).build());
    TicketEvent switched = timeline.events(TicketEvent.Kind.SLA_POLICY_APPLIED).getLast();
    Instant at = switched.occurredAt();
    assertThat(escalated.ticket().sla.policyName()).isEqualTo("Urgent lane");
    assertThat(escalated.ticket().resolveClock.dueAt)
        .isEqualTo(NINE_TO_SIX.addBusinessTime(at, Duration.ofHours(2)))
        .isBetween(berlin("2026-12-07T10:30"), berlin("2026-12-07T10:30:01"));
    assertThat(switched.comment()).isEqualTo("SLA recalculated: priority changed to URGENT");
    assertThat(switched.changes())
        .contains(new FieldChange("slaPolicy", "Standard", "Urgent lane"));

    // De-escalation on Monday 09:00: 1 h 30 left + (8 h - 2 h) = 7 h 30: Monday 16:30.
    harness.sleepUntil(berlin("2026-12-07T09:00"));
    TicketState relaxed =
        ticket.update(change("one user only").priority(Priority.NORMAL).build()).ticket();
    assertThat(relaxed.sla.policyName()).isEqualTo("Standard");
    assertThat(relaxed.resolveClock.dueAt)
        .isBetween(berlin("2026-12-07T16:30"), berlin("2026-12-07T16:30:01"));
    assertThat(harness.store.lookUps())
        .extracting(SlaPolicyRules.TicketFacts::priority)
        .containsExactly(Priority.NORMAL, Priority.URGENT, Priority.NORMAL);
  }

  @Test
  void shouldSwitchToTheGroupsPolicyWhenTheTicketMovesToAnotherGroup() {
    AppliedSla standard =
        SlaFixtures.policy(3, "Standard", NINE_TO_SIX)
            .target(SlaMetric.RESOLUTION, Duration.ofHours(8))
            .build();
    AppliedSla billingHours =
        SlaFixtures.policy(5, "Billing hours", NINE_TO_SIX)
            .target(SlaMetric.RESOLUTION, Duration.ofHours(4))
            .build();
    TicketWorkflow ticket = ticketAt(berlin("2026-12-07T10:00"), standard, Priority.NORMAL);
    AtomicBoolean inBilling = new AtomicBoolean();
    // The store reads the group's default policy from the row the move has just written.
    harness.store.governBy(facts -> inBilling.get() ? billingHours : standard);
    harness.sleepUntil(berlin("2026-12-07T10:30"));

    inBilling.set(true);
    TicketUpdateResult moved =
        ticket.update(change("invoice question").group(new GroupRef(7, "Billing")).build());

    assertThat(moved.changes()).contains(new FieldChange("group", null, "Billing (#7)"));
    assertThat(moved.ticket().sla.policyName()).isEqualTo("Billing hours");
    TicketEvent switched = timeline.events(TicketEvent.Kind.SLA_POLICY_APPLIED).getLast();
    assertThat(switched.comment()).isEqualTo("SLA recalculated: group changed to Billing");
    assertThat(moved.ticket().resolveClock.dueAt)
        .isEqualTo(NINE_TO_SIX.addBusinessTime(switched.occurredAt(), Duration.ofHours(4)));

    ticket.update(change("same group, new words").priority(Priority.HIGH).build());
    assertThat(harness.store.lookUps()).as("start, move, priority").hasSize(3);
  }

  private List<TicketEvent> awaitPolicyEvents(int count) {
    return awaitEvents(TicketEvent.Kind.SLA_POLICY_APPLIED, count);
  }

  private List<TicketEvent> awaitEvents(TicketEvent.Kind kind, int count) {
    long giveUp = System.currentTimeMillis() + 10_000;
    while (timeline.events(kind).size() < count && System.currentTimeMillis() < giveUp) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(timeline.events(kind)).hasSizeGreaterThanOrEqualTo(count);
    return timeline.events(kind);
  }

  private static ReplyRequest reply(String body) {
    return new ReplyRequest(ALICE_ACTOR, body, false, List.of(), null);
  }
}
