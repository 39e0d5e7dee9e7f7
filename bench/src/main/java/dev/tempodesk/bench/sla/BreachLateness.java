package dev.tempodesk.bench.sla;

import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.EventClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import org.jooq.DSLContext;

/**
 * How late each ticket's resolve breach reached Postgres: from the burst's deadline to the ticket's
 * SLA_BREACHED audit event's {@link EventClock recorded time}. The deadline is the one the tickets
 * were opened with (one instant for the whole burst), not the row's {@code resolve_due_at} read
 * afterwards, which the alarms' own writes may have moved. Polling only decides when every event is
 * in; it adds nothing to the figures.
 */
final class BreachLateness {
  private static final String RESOLVE_BREACH = "RESOLVE SLA BREACH";

  private BreachLateness() {}

  /** Waits until every ticket has its breach event, then returns the lateness of each. */
  static Samples await(String side, DSLContext dsl, Collection<Long> tickets, Instant deadline)
      throws InterruptedException {
    Instant giveUpAt = deadline.plus(Duration.ofMinutes(2));
    Long[] numbers = tickets.toArray(Long[]::new);
    int recorded = 0;
    // Generous: a burst that is minutes late has failed anyway, but should still be reported.
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
                + " - ?::timestamptz) * 1000,"
                + " extract(epoch from e.occurred_at - ?::timestamptz) * 1000"
                + " from ticket_events e"
                + " where e.kind = 'SLA_BREACHED' and e.comment = ? and e.ticket_number = any(?)",
            deadline.atOffset(ZoneOffset.UTC),
            deadline.atOffset(ZoneOffset.UTC),
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
}
