package dev.tempodesk.db.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link TicketRepository#forEachMatching}, the export's read: the list's filter and order, read
 * through a server-side cursor a batch at a time (the whole result is never fetched at once), and
 * closed when the caller stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketExportCursorTest {
  private static final int TICKETS = 1_500;

  private DSLContext dsl;

  @BeforeAll
  void seed() {
    dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    ContactsRecord carla =
        new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla Customer", null);
    // Every third ticket URGENT, every fifth CLOSED; SLA keys shuffled so the order is not the
    // numbers'.
    dsl.execute(
        """
        insert into tickets (number, subject, status, resolution, closed_at, priority, reporter_id,
                             channel, created_at, updated_at, sla_sort_key, version)
        select nextval('ticket_numbers'), 'Export ' || i,
               case when i % 5 = 0 then 'CLOSED' else 'NEW' end,
               case when i % 5 = 0 then 'SOLVED' end,
               case when i % 5 = 0 then now() end,
               case when i % 3 = 0 then 'URGENT' else 'NORMAL' end,
               ?, 'EMAIL', now() - make_interval(mins => i), now(), (i * 7919) % 10007, 1
        from generate_series(1, ?) as i
        """,
        carla.getId(), TICKETS);
  }

  @Test
  void shouldYieldWhatTheListPagesThroughInTheSameOrder() {
    TicketFilter urgent = filter(Set.of("URGENT"), false);
    List<Long> paged = new ArrayList<>();
    TicketCursor after = null;
    do {
      TicketPage page = new TicketRepository(dsl).list(urgent, after, 200);
      page.items().forEach(view -> paged.add(view.number()));
      after = page.next().orElse(null);
    } while (after != null);

    List<Long> exported = new ArrayList<>();
    dsl.transaction(
        tx ->
            new TicketRepository(tx.dsl(), Clock.systemUTC())
                .forEachMatching(urgent, 100, view -> exported.add(view.number())));

    assertThat(paged).hasSize(400); // every third, without the CLOSED ones (every fifteenth)
    assertThat(exported).containsExactlyElementsOf(paged);
  }

  @Test
  void shouldReadThroughAnOpenCursorNotAFetchedResult() {
    List<Integer> openCursorsSeen = new ArrayList<>();
    int[] rows = {0};
    dsl.transaction(
        tx -> {
          DSLContext inTransaction = tx.dsl();
          new TicketRepository(inTransaction, Clock.systemUTC())
              .forEachMatching(
                  filter(Set.of(), true),
                  100,
                  view -> {
                    if (rows[0]++ % 500 == 0) {
                      // The same connection: its portal is still open while rows are handed out.
                      openCursorsSeen.add(openCursors(inTransaction));
                    }
                  });
          openCursorsSeen.add(openCursors(inTransaction));
        });

    assertThat(rows[0]).isEqualTo(TICKETS);
    assertThat(openCursorsSeen).containsExactly(1, 1, 1, 0);
  }

  @Test
  void shouldCloseTheCursorWhenTheConsumerFails() {
    List<Integer> afterwards = new ArrayList<>();
    dsl.transaction(
        tx -> {
          DSLContext inTransaction = tx.dsl();
          int[] rows = {0};
          assertThatThrownBy(
                  () ->
                      new TicketRepository(inTransaction, Clock.systemUTC())
                          .forEachMatching(
                              filter(Set.of(), true),
                              100,
                              view -> {
                                if (++rows[0] == 10) {
                                  throw new IllegalStateException("client gone");
                                }
                              }))
              .hasMessage("client gone");
          afterwards.add(rows[0]);
          afterwards.add(openCursors(inTransaction));
        });

    assertThat(afterwards).containsExactly(10, 0);
  }

  /** Named portals of this session: the driver's cursors (the asking query's own is unnamed). */
  private static int openCursors(DSLContext dsl) {
    return ((Number) dsl.fetchValue("select count(*) from pg_cursors where name <> ''")).intValue();
  }

  private static TicketFilter filter(Set<String> priorities, boolean includeDone) {
    return new TicketFilter(
        Set.of(), priorities, null, false, null, null, includeDone, Set.of(), Set.of(), null, null);
  }
}
