package dev.tempodesk.bench.sla;

import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.TicketOpener;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaTargets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * One burst of B3: {@code tickets} tickets opened at the same instant with a resolve target of
 * {@code target}, all held by {@code agent} (so the assign clock is stopped and the resolve clock
 * is the only one running: one warning at 80 % of the target, one breach at 100 %).
 */
record SlaBurst(int tickets, Duration target, ContactsRecord reporter, AgentsRecord agent) {
  static final int OPENING_THREADS = 4;

  SlaPolicy policy() {
    SlaTargets targets = new SlaTargets(target, target);
    return new SlaPolicy(targets, targets, targets, targets);
  }

  /**
   * Opens the burst at one instant, hands each row to {@code armTimers} as it is opened, and
   * returns each ticket's breach lateness once all are in.
   */
  Samples run(String side, TestJooq jooq, Consumer<TicketsRecord> armTimers)
      throws InterruptedException {
    Instant createdAt = Instant.now();
    List<Long> numbers =
        new TicketOpener(jooq, Clock.fixed(createdAt, ZoneOffset.UTC), policy())
            .open(tickets, OPENING_THREADS, i -> reporter, agent, armTimers).stream()
                .map(TicketsRecord::getNumber)
                .toList();
    reportOpening(side, Duration.between(createdAt, Instant.now()));
    return BreachLateness.await(side, jooq.dsl(), numbers, createdAt.plus(target));
  }

  /**
   * Prints how long opening took: if it ran past the warnings, the burst of warnings mixed with the
   * opening, which the figures should be read with.
   */
  private void reportOpening(String side, Duration opening) {
    Duration warningAfter = target.multipliedBy(8).dividedBy(10);
    System.out.printf(
        "   B3 %s: %d tickets opened in %.1f s (warnings due after %d s, breaches after %d s)%s%n",
        side,
        tickets,
        opening.toMillis() / 1000.0,
        warningAfter.toSeconds(),
        target.toSeconds(),
        opening.compareTo(warningAfter) > 0 ? " – opening overlapped the warnings" : "");
  }
}
