package dev.tempodesk.bench.sla;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.PooledDatabase;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * B3's baseline: the same burst with no Temporal. A plain {@link ScheduledThreadPoolExecutor} (one
 * thread per pooled connection) holds one task per ticket for its next SLA alarm, like the
 * workflow's one timer, and writes each alarm with the store code the workflow's activity runs
 * (projection row and audit event in one transaction).
 */
final class ExecutorTimers {
  private ExecutorTimers() {}

  static Samples run(TestJooq jooq, SlaBurst burst) throws Exception {
    TicketStoreActivitiesImpl store =
        new TicketStoreActivitiesImpl(
            new TicketRepository(jooq.dsl()),
            new TicketEventRepository(jooq.dsl()),
            jooq.transactions(),
            JsonMapper.builder().build());
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(PooledDatabase.CONNECTIONS);
    try {
      return burst
          .run(
              "executor",
              jooq,
              row ->
                  new AlarmTask(
                          TicketRows.toState(row, burst.agent().getDisplayName()),
                          burst.policy(),
                          store,
                          timers)
                      .schedule())
          .lateness();
    } finally {
      timers.shutdownNow();
    }
  }
}
