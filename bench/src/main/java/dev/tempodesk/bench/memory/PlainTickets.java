package dev.tempodesk.bench.memory;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
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
 */
final class PlainTickets implements AutoCloseable {
  private static final int PAGE = 1_000;

  private final Map<Long, TicketState> states = new HashMap<>();
  private final Map<Long, ScheduledFuture<?>> alarms = new HashMap<>();
  private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);

  /** Loads every ticket of the database, page by page, and arms its next alarm. */
  static PlainTickets load(TestJooq jooq) {
    PlainTickets plain = new PlainTickets();
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
        return plain;
      }
      page.forEach(plain::add);
      after = page.getLast().getNumber();
    }
  }

  private void add(TicketsRecord row) {
    TicketState state = TicketRows.toState(row, null);
    states.put(state.number, state);
    Instant next = TicketSla.nextAlarmAt(state);
    if (next != null) {
      long delay = Duration.between(Instant.now(), next).toMillis();
      alarms.put(state.number, timers.schedule(() -> {}, delay, TimeUnit.MILLISECONDS));
    }
  }

  int size() {
    return states.size();
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
