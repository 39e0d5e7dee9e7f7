package dev.tempodesk.bench.memory;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * B5's baseline: the same open tickets kept the plainest way a single process could keep them, a
 * map from number to the state the ticket workflow holds ({@link TicketState}, read from the same
 * rows) plus one scheduled task per ticket for its next SLA alarm.
 *
 * <p>A few hundred tickets weigh less than what the idle worker's own threads allocate and free
 * between two measurements, so the map can hold several copies of each ticket (each its own state
 * and alarm): the benchmark measures enough of them to rise above that noise and divides.
 */
final class PlainTickets implements AutoCloseable {
  private static final int PAGE = 1_000;
  private static final int COPY_SHIFT = 40;

  private final Map<Long, TicketState> states = new HashMap<>();
  private final Map<Long, ScheduledFuture<?>> alarms = new HashMap<>();
  private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
  private final int copies;

  private PlainTickets(int copies) {
    this.copies = copies;
  }

  /** Loads every ticket of the database, page by page, and keeps {@code copies} of each armed. */
  static PlainTickets load(TestJooq jooq, int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1, was " + copies);
    }
    List<TicketsRecord> rows = new ArrayList<>();
    long after = 0;
    while (true) {
      List<TicketsRecord> page =
          jooq.dsl()
              .selectFrom(TICKETS)
              .where(TICKETS.NUMBER.gt(after))
              .orderBy(TICKETS.NUMBER)
              .limit(PAGE)
              .fetch();
      if (page.isEmpty()) {
        break;
      }
      rows.addAll(page);
      after = page.getLast().getNumber();
    }
    PlainTickets plain = new PlainTickets(copies);
    for (int copy = 0; copy < copies; copy++) {
      for (TicketsRecord row : rows) {
        plain.add(copy, row);
      }
    }
    rows.clear();
    return plain;
  }

  private void add(int copy, TicketsRecord row) {
    TicketState state = TicketRows.toState(row, null);
    long key = ((long) copy << COPY_SHIFT) | state.number;
    states.put(key, state);
    Instant next = TicketSla.nextAlarmAt(state);
    if (next != null) {
      long delay = Duration.between(Instant.now(), next).toMillis();
      alarms.put(key, timers.schedule(() -> {}, delay, TimeUnit.MILLISECONDS));
    }
  }

  /** Distinct tickets held (each counted once, whatever the number of copies). */
  int size() {
    return states.size() / copies;
  }

  int copies() {
    return copies;
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
