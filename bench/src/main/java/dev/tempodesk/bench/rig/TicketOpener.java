package dev.tempodesk.bench.rig;

import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.api.PhoneTickets;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Opens tickets as the API does (row, first message and CREATED event in one transaction), from
 * several threads so that a large batch does not wait on one connection at a time; each row is
 * handed to {@code then} (e.g. to start its workflow) by the thread that opened it.
 */
public final class TicketOpener {
  private final TestJooq jooq;
  private final TicketOpening opening;

  /** {@code clock} dates the tickets: a fixed clock gives a batch the same deadlines. */
  public TicketOpener(TestJooq jooq, Clock clock, SlaPolicy sla) {
    this.jooq = jooq;
    this.opening =
        new TicketOpening(
            new TicketRepository(jooq.dsl()),
            new TicketEventRepository(jooq.dsl()),
            new MessageRepository(jooq.dsl()),
            clock,
            sla);
  }

  /**
   * Opens {@code count} NORMAL phone tickets, the i-th reported by {@code reporters.apply(i)}.
   *
   * @param assignee the agent holding every ticket, or null to leave them waiting
   * @return the rows, in no particular order
   */
  public List<TicketsRecord> open(
      int count,
      int threads,
      IntFunction<ContactsRecord> reporters,
      AgentsRecord assignee,
      Consumer<TicketsRecord> then)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<TicketsRecord>> opened = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ContactsRecord reporter = reporters.apply(i);
        String subject = "Bench ticket " + i;
        opened.add(
            pool.submit(
                () -> {
                  TicketsRecord row =
                      jooq.transactions()
                          .execute(
                              status ->
                                  opening.open(
                                      PhoneTickets.call(
                                          reporter, Priority.NORMAL, subject, assignee, "bench")));
                  then.accept(row);
                  return row;
                }));
      }
      List<TicketsRecord> rows = new ArrayList<>(count);
      for (Future<TicketsRecord> row : opened) {
        rows.add(row.get());
      }
      return rows;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Opening a ticket failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
