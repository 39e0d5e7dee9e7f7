package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Watches the SLA events a ticket workflow records while virtual time moves. */
final class SlaTimeline {
  private final TicketWorkflowHarness harness;

  SlaTimeline(TicketWorkflowHarness harness) {
    this.harness = harness;
  }

  TicketState ticket(long number, Priority priority) {
    TicketState ticket = TicketFixtures.newTicket(number, harness.now());
    ticket.priority = priority;
    return ticket;
  }

  static Duration eighty(Duration target) {
    return target.multipliedBy(4).dividedBy(5);
  }

  /** Nothing fires until a second before {@code at}; exactly the one alarm by a second after. */
  void expectAlarm(Instant at, String flag) {
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

  /** The SLA alarms recorded so far (warnings and breaches). */
  List<TicketChangeRecord> slaEvents() {
    return harness.store.changes().stream()
        .filter(
            change ->
                change.event().kind() == TicketEvent.Kind.SLA_WARNING
                    || change.event().kind() == TicketEvent.Kind.SLA_BREACHED)
        .toList();
  }

  /** The recorded events of this kind. */
  List<TicketEvent> events(TicketEvent.Kind kind) {
    return harness.store.changes().stream()
        .map(TicketChangeRecord::event)
        .filter(event -> event.kind() == kind)
        .toList();
  }

  Instant lastEventAt() {
    return harness.store.last().event().occurredAt();
  }

  List<TicketChangeRecord> awaitSlaEvents(int count) {
    return await(() -> slaEvents(), count);
  }

  List<TicketChangeRecord> awaitEvents(int count) {
    return await(() -> harness.store.changes(), count);
  }

  private static List<TicketChangeRecord> await(
      Supplier<List<TicketChangeRecord>> changes, int count) {
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
