package dev.tempodesk.bench.sla;

import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.EventClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.jooq.DSLContext;

/**
 * How late each ticket's resolve breach reached Postgres: from the ticket's {@code resolve_due_at}
 * to its SLA_BREACHED audit event's {@link EventClock recorded time}. Polling only decides when
 * every event is in; it adds nothing to the figures.
 */
final class BreachLateness {
  private static final String RESOLVE_BREACH = "RESOLVE SLA BREACH";

  private BreachLateness() {}

  /** Waits until every ticket has its breach event, then returns the lateness of each. */
  static Samples await(String side, DSLContext dsl, Collection<Long> tickets, Instant giveUpAt)
      throws InterruptedException {
    Long[] numbers = tickets.toArray(Long[]::new);
    int recorded = 0;
    while (Instant.now().isBefore(giveUpAt)) {
      recorded =
          dsl.fetchSingle(
                  "select count(*) from ticket_events where kind = 'SLA_BREACHED' and comment = ?"
                      + " and ticket_number = any(?)",
                  RESOLVE_BREACH,
                  numbers)
              .get(0, Integer.class);
      if (recorded >= numbers.length) {
        break;
      }
      Thread.sleep(200);
    }
    if (recorded != numbers.length) {
      throw new IllegalStateException(
          "%d of %d tickets recorded their resolve breach by %s"
              .formatted(recorded, numbers.length, giveUpAt));
    }
    Samples lateness = new Samples();
    Samples firing = new Samples();
    dsl.fetch(
            "select extract(epoch from e."
                + EventClock.COLUMN
                + " - t.resolve_due_at) * 1000,"
                + " extract(epoch from e.occurred_at - t.resolve_due_at) * 1000"
                + " from ticket_events e join tickets t on t.number = e.ticket_number"
                + " where e.kind = 'SLA_BREACHED' and e.comment = ? and t.number = any(?)",
            RESOLVE_BREACH,
            numbers)
        .forEach(
            row -> {
              lateness.add(row.get(0, Double.class));
              firing.add(row.get(1, Double.class));
            });
    // Where the time went: occurred_at is the alarm's own clock reading as it fired.
    System.out.printf(
        "   B3 %s: alarm fired p50 %.0f ms / p99 %.0f ms after the deadline, event written"
            + " p50 %.0f ms / p99 %.0f ms after it%n",
        side, firing.p50(), firing.p99(), lateness.p50(), lateness.p99());
    return lateness;
  }

  /** Generous: a burst that is minutes late has failed anyway, but should still be reported. */
  static Instant giveUpAfter(Instant deadline) {
    return deadline.plus(Duration.ofMinutes(2));
  }
}
