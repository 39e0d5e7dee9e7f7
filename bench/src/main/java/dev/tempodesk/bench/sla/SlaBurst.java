package dev.tempodesk.bench.sla;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.TicketOpener;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.SlaClock;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaTargets;
import dev.tempodesk.workflows.ticket.TicketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One burst of B3, the opening-time burst: {@code tickets} tickets whose resolve clocks start at
 * the same instant, the opening, with a resolve target of {@code target}, all held by {@code agent}
 * (so the assign clock is stopped and the resolve clock is the only one running: one warning at 80
 * % of the target, one breach at 100 %).
 *
 * <p>{@code lead} is the time from the last ticket opened to the opening, in which the timers are
 * armed (workflows started).
 *
 * <p>With business hours, every ticket that arrived while the desk was closed (over a weekend)
 * starts its clock when the calendar opens (Monday 09:00), so all of them warn and breach at the
 * same instants. The burst does the same: the tickets are opened first, as the API opens them, then
 * their resolve clocks are started at an opening a few seconds later ({@link #startClocksAt}), then
 * their timers are armed. The ticket workflow counts 24×7 today, so starting the clocks at the
 * opening is the bench's own step; once business calendars are in the workflow it becomes "open the
 * tickets under a calendar that is closed now and opens at {@code opening}", and everything
 * measured from {@code opening + target} stays as it is.
 */
record SlaBurst(
    int tickets, Duration target, Duration lead, ContactsRecord reporter, AgentsRecord agent) {
  static final int OPENING_THREADS = 4;

  /** Workflow starts are calls to the server, mostly waiting: more of them at once. */
  static final int ARMING_THREADS = 16;

  SlaPolicy policy() {
    SlaTargets targets = new SlaTargets(target, target);
    return new SlaPolicy(targets, targets, targets, targets);
  }

  /** The burst's tickets and how late each one's breach was written. */
  record Outcome(List<Long> tickets, Samples lateness) {}

  /**
   * Opens the burst's tickets, starts their clocks at the opening, hands each row to {@code
   * armTimers}, and returns each ticket's breach lateness once all are in.
   */
  Outcome run(String side, TestJooq jooq, Consumer<TicketsRecord> armTimers)
      throws InterruptedException {
    Instant setUp = Instant.now();
    List<TicketsRecord> rows =
        new TicketOpener(jooq, Clock.systemUTC(), policy())
            .open(tickets, OPENING_THREADS, i -> reporter, agent, row -> {});
    Instant opening = Instant.now().plus(lead);
    startClocksAt(jooq, rows, opening);
    arm(rows, armTimers);
    reportSetUp(side, setUp, opening);
    List<Long> numbers = rows.stream().map(TicketsRecord::getNumber).toList();
    return new Outcome(
        numbers, BreachLateness.await(side, jooq.dsl(), numbers, opening.plus(target)));
  }

  /** Starts every ticket's resolve clock at {@code opening}, in the rows and in Postgres. */
  private void startClocksAt(TestJooq jooq, List<TicketsRecord> rows, Instant opening) {
    for (TicketsRecord row : rows) {
      TicketState ticket = TicketRows.toState(row, agent.getDisplayName());
      ticket.resolveClock = SlaClock.startedAt(opening, target);
      TicketRows.withSla(row, ticket);
    }
    TicketsRecord first = rows.getFirst();
    jooq.dsl()
        .update(TICKETS)
        .set(TICKETS.RESOLVE_DUE_AT, first.getResolveDueAt())
        .set(TICKETS.SLA_SORT_KEY, first.getSlaSortKey())
        .where(TICKETS.NUMBER.in(rows.stream().map(TicketsRecord::getNumber).toList()))
        .execute();
  }

  private static void arm(List<TicketsRecord> rows, Consumer<TicketsRecord> armTimers)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(ARMING_THREADS);
    try {
      for (Future<?> armed :
          pool.invokeAll(rows.stream().map(row -> task(row, armTimers)).toList())) {
        armed.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Arming a ticket's timer failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Void> task(TicketsRecord row, Consumer<TicketsRecord> armTimers) {
    return () -> {
      armTimers.accept(row);
      return null;
    };
  }

  /**
   * Prints how long the set-up took: if arming ran past the opening, or even the warnings, the
   * burst mixed with the set-up, which the figures should be read with.
   */
  private void reportSetUp(String side, Instant setUp, Instant opening) {
    Instant armed = Instant.now();
    Instant warnings = opening.plus(target.multipliedBy(8).dividedBy(10));
    System.out.printf(
        "   B3 %s: %d tickets opened and armed in %.1f s, done %.1f s %s the opening (warnings %d s"
            + " after it, breaches %d s after it)%s%n",
        side,
        tickets,
        Duration.between(setUp, armed).toMillis() / 1000.0,
        Math.abs(Duration.between(armed, opening).toMillis()) / 1000.0,
        armed.isAfter(opening) ? "after" : "before",
        target.multipliedBy(8).dividedBy(10).toSeconds(),
        target.toSeconds(),
        armed.isAfter(warnings) ? " – set-up overlapped the warnings" : "");
  }
}
