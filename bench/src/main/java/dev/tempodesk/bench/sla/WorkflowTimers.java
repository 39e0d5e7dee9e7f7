package dev.tempodesk.bench.sla;

import dev.tempodesk.api.NoMailbox;
import dev.tempodesk.api.embedded.EmbeddedTemporalServer;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.FreePort;
import dev.tempodesk.bench.rig.TemporalConnection;
import dev.tempodesk.bench.rig.TicketWorker;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import io.temporal.worker.WorkerOptions;

/**
 * Tempodesk's side of B3: the embedded mode's in-memory Temporal server (real time, on a free port,
 * reached over gRPC), the ticket worker with the app's activities, and a burst of tickets whose
 * resolve deadlines fall on the same millisecond. Each ticket's workflow holds one durable timer
 * for its next SLA alarm (the warning at 80 %, then the breach). After the burst, the tasks each
 * breach cost are counted in the workflows' histories.
 */
final class WorkflowTimers {
  private static final String QUEUE = "bench-sla";

  /** One side's figures: breach lateness and the server tasks per breach. */
  record Result(Samples lateness, BreachTasks tasks) {}

  private WorkflowTimers() {}

  static Result run(TestJooq jooq, SlaBurst burst, String side, WorkerOptions options)
      throws Exception {
    int port = FreePort.find();
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
        TemporalConnection temporal = TemporalConnection.to(port, null);
        TicketWorker worker =
            new TicketWorker(
                temporal,
                QUEUE,
                jooq,
                TicketPolicy.defaults().withSla(burst.policy()),
                NoMailbox.inAppNotifications(jooq),
                options)) {
      worker.start();
      SlaBurst.Outcome outcome = burst.run(side, jooq, row -> worker.gateway().startFromRow(row));
      BreachTasks tasks = BreachTasks.count(temporal.client(), outcome.tickets());
      System.out.printf("   B3 %s: %s%n", side, tasks.describe());
      return new Result(outcome.lateness(), tasks);
    }
  }
}
