package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.CUSTOMER;
import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SLA clocks of the ticket workflow, in virtual time. */
class TicketSlaWorkflowTest {
  private static final SlaPolicy SLA = SlaPolicy.defaults();
  private final TicketWorkflowHarness harness = new TicketWorkflowHarness();

  @AfterEach
  void stopServer() {
    harness.close();
  }

  @ParameterizedTest
  @EnumSource(Priority.class)
  void shouldWarnAndBreachEachClockOnceAtTheRightInstant(Priority priority) {
    TicketState created = ticket(4000 + priority.ordinal(), priority);
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    SlaTargets targets = SLA.targetsFor(priority);
    Instant t0 = created.createdAt;

    expectAlarm(t0.plus(eighty(targets.toAssign())), "assignWarned");
    expectAlarm(t0.plus(targets.toAssign()), "assignBreached");
    expectAlarm(t0.plus(eighty(targets.toResolve())), "resolveWarned");
    expectAlarm(t0.plus(targets.toResolve()), "resolveBreached");
    harness.sleep(Duration.ofDays(10));

    assertThat(slaEvents()).hasSize(4);
    TicketState after = ticket.current();
    assertThat(after.assignClock.breached).isTrue();
    assertThat(after.resolveClock.breached).isTrue();
    SlaStatus status = SlaStatus.of(after, harness.now());
    assertThat(status.assignBreached()).isTrue();
    assertThat(status.resolveBreached()).isTrue();
    assertThat(status.remainingToResolve()).isNegative();
  }

  @Test
  void shouldShiftBothDeadlinesByExactlyThePausedTime() {
    TicketState created = ticket(4101, Priority.NORMAL);
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());

    harness.sleep(Duration.ofMinutes(30));
    TicketState pending =
        ticket
            .update(change("logs?").pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build())
            .ticket();
    Instant firstPause = lastEventAt();
    Duration left = Duration.between(firstPause, created.createdAt.plus(Duration.ofHours(24)));
    assertThat(pending.resolveClock.remaining).isEqualTo(left);
    harness.sleep(Duration.ofMinutes(45));
    Instant asked = harness.now();
    SlaStatus suspended = SlaStatus.of(ticket.current(), asked);
    assertThat(suspended.remainingToResolve()).as("frozen while PENDING").isEqualTo(left);
    assertThat(suspended.resolutionEta()).isNull();
    assertThat(suspended.remainingSuspended())
        .isEqualTo(Duration.between(asked, firstPause.plus(Duration.ofDays(2))));
    ticket.newMessage(new InboundMessage("m-1", CUSTOMER, null));
    Instant firstResume = awaitEvents(2).getLast().event().occurredAt();

    harness.sleep(Duration.ofMinutes(20));
    ticket.update(
        change("carrier").pending(PendingReason.THIRD_PARTY, Duration.ofHours(3)).build());
    Instant secondPause = lastEventAt();
    harness.sleep(Duration.ofHours(3).plusSeconds(1));
    Instant secondResume = awaitEvents(4).getLast().event().occurredAt();

    Duration paused =
        Duration.between(firstPause, firstResume).plus(Duration.between(secondPause, secondResume));
    TicketState after = ticket.current();
    assertThat(after.status).isEqualTo(TicketStatus.NEW);
    assertThat(after.assignClock.dueAt)
        .isEqualTo(created.createdAt.plus(Duration.ofHours(4)).plus(paused));
    assertThat(after.resolveClock.dueAt)
        .isEqualTo(created.createdAt.plus(Duration.ofHours(24)).plus(paused));
    assertThat(SlaStatus.of(after, harness.now()).resolutionEta())
        .isEqualTo(after.resolveClock.dueAt);
  }

  @Test
  void shouldCapBothClocksAtTheNewTargetsWhenEscalatedWithLittleTimeLeft() {
    TicketState created = ticket(4102, Priority.NORMAL);
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    harness.sleep(Duration.ofMinutes(3 * 60 + 50));

    TicketState escalated =
        ticket.update(change("whole office down").priority(Priority.URGENT).build()).ticket();
    Instant at = lastEventAt();

    assertThat(escalated.assignClock.dueAt)
        .as("10 min left < 15 min")
        .isEqualTo(created.createdAt.plus(Duration.ofHours(4)));
    assertThat(escalated.resolveClock.dueAt)
        .as("4 h < 20 h 10 left")
        .isEqualTo(at.plus(Duration.ofHours(4)));
    assertThat(escalated.assignClock.warned).as("fired at 3 h 12 under NORMAL").isTrue();
    harness.sleep(Duration.ofMinutes(10).plusSeconds(1));
    Instant assignDue = created.createdAt.plus(Duration.ofHours(4));
    assertThat(awaitSlaEvents(2).getLast().event().occurredAt())
        .isBetween(assignDue, assignDue.plusSeconds(1));
    expectAlarm(at.plus(Duration.ofMinutes(192)), "resolveWarned");
  }

  @Test
  void shouldExtendBothClocksByTheTargetDifferenceWhenDeescalated() {
    TicketState created = ticket(4103, Priority.URGENT);
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    harness.sleep(Duration.ofMinutes(10));

    TicketState relaxed =
        ticket.update(change("only one user").priority(Priority.LOW).build()).ticket();
    Instant at = lastEventAt();

    // remaining + (new - old), from the same start, is exactly the LOW targets from creation.
    assertThat(relaxed.assignClock.dueAt).isEqualTo(created.createdAt.plus(Duration.ofHours(8)));
    assertThat(relaxed.resolveClock.dueAt).isEqualTo(created.createdAt.plus(Duration.ofHours(72)));
    assertThat(relaxed.resolveClock.remainingAt(at))
        .isEqualTo(Duration.between(at, created.createdAt.plus(Duration.ofHours(4))).plusHours(68));
    harness.sleep(Duration.ofMinutes(10));
    assertThat(slaEvents()).as("the URGENT warning at 12 min moved away").isEmpty();
  }

  @Test
  void shouldBreachOnceWhenAnUpdateArrivesExactlyAtTheDeadline() {
    TicketState created = ticket(4104, Priority.URGENT);
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    ticket.update(change("mine").assign(ALICE).build());
    harness.sleep(Duration.between(harness.now(), created.createdAt.plus(Duration.ofHours(4))));

    TicketState closed =
        ticket.update(change("fixed").status(TicketStatus.CLOSED).build()).ticket();
    harness.sleep(Duration.ofDays(1));

    assertThat(closed.status).isEqualTo(TicketStatus.CLOSED);
    assertThat(closed.resolveClock.breached).isTrue();
    assertThat(slaEvents())
        .extracting(change -> change.event().changes().getFirst().field())
        .containsExactly("resolveWarned", "resolveBreached");
    assertThat(SlaStatus.of(ticket.current(), harness.now()).remainingToAssign()).isNull();
  }

  @Test
  void shouldResumeTheResolveClockWhereItStoppedWhenReopened() {
    TicketState created = ticket(4105, Priority.HIGH);
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    ticket.update(change("mine").assign(ALICE).build());
    harness.sleep(Duration.ofHours(2));
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    Instant closedAt = lastEventAt();
    harness.sleep(Duration.ofDays(1));

    ticket.newMessage(new InboundMessage("m-1", CUSTOMER, null));
    Instant reopened = awaitEvents(3).getLast().event().occurredAt();

    Duration leftAtClose = Duration.between(closedAt, created.createdAt.plus(Duration.ofHours(8)));
    assertThat(ticket.current().resolveClock.dueAt).isEqualTo(reopened.plus(leftAtClose));
  }

  @Test
  void shouldKeepSlaDeadlinesAcrossContinueAsNew() {
    TicketPolicy smallHistory = new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 30);
    TicketState created = ticket(4106, Priority.HIGH);
    TicketWorkflow ticket = harness.start(created, smallHistory);
    String firstRunId = WorkflowStub.fromTyped(ticket).getExecution().getRunId();
    harness.sleep(Duration.ofMinutes(20));

    for (int round = 0; round < 8; round++) {
      ticket.update(change("still looking " + round).build());
    }

    String currentRunId =
        harness.client.newUntypedWorkflowStub("ticket-4106").describe().getExecution().getRunId();
    assertThat(currentRunId).as("the workflow continued as new").isNotEqualTo(firstRunId);
    TicketState after = ticket.current();
    assertThat(after.assignClock.dueAt).isEqualTo(created.createdAt.plus(Duration.ofHours(1)));
    assertThat(after.resolveClock.dueAt).isEqualTo(created.createdAt.plus(Duration.ofHours(8)));
    expectAlarm(created.createdAt.plus(Duration.ofMinutes(48)), "assignWarned");
  }

  // ---------------------------------------------------------------- helpers

  private TicketState ticket(long number, Priority priority) {
    TicketState ticket = TicketFixtures.newTicket(number, harness.now());
    ticket.priority = priority;
    return ticket;
  }

  private static Duration eighty(Duration target) {
    return target.multipliedBy(4).dividedBy(5);
  }

  /** Nothing fires until a second before {@code at}; exactly the one alarm by a second after. */
  private void expectAlarm(Instant at, String flag) {
    int before = slaEvents().size();
    harness.sleep(Duration.between(harness.now(), at.minusSeconds(1)));
    assertThat(slaEvents()).as("%s not before %s", flag, at).hasSize(before);
    harness.sleep(Duration.ofSeconds(2));
    TicketEvent event = awaitSlaEvents(before + 1).getLast().event();
    assertThat(event.changes().getFirst().field()).isEqualTo(flag);
    assertThat(event.kind())
        .isEqualTo(
            flag.endsWith("Warned") ? TicketEvent.Kind.SLA_WARNING : TicketEvent.Kind.SLA_BREACHED);
    assertThat(event.actor()).isEqualTo(Actor.SYSTEM);
    assertThat(event.occurredAt()).isBetween(at, at.plusSeconds(1));
  }

  private List<TicketChangeRecord> slaEvents() {
    return harness.store.changes().stream()
        .filter(change -> change.event().kind().name().startsWith("SLA_"))
        .toList();
  }

  private Instant lastEventAt() {
    return harness.store.last().event().occurredAt();
  }

  private List<TicketChangeRecord> awaitSlaEvents(int count) {
    return await(() -> slaEvents(), count);
  }

  private List<TicketChangeRecord> awaitEvents(int count) {
    return await(() -> harness.store.changes(), count);
  }

  private static List<TicketChangeRecord> await(
      java.util.function.Supplier<List<TicketChangeRecord>> changes, int count) {
    long giveUp = System.currentTimeMillis() + 10_000;
    while (changes.get().size() < count && System.currentTimeMillis() < giveUp) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(changes.get()).hasSizeGreaterThanOrEqualTo(count);
    return changes.get();
  }
}
