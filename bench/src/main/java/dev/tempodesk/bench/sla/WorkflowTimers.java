package dev.tempodesk.bench.sla;

import dev.tempodesk.api.NoMailbox;
import dev.tempodesk.api.embedded.EmbeddedTemporalServer;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.FreePort;
import dev.tempodesk.bench.rig.TemporalConnection;
import dev.tempodesk.bench.rig.TicketWorker;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.TicketPolicy;

/**
 * Tempodesk's side of B3: the embedded mode's in-memory Temporal server (real time, on a free port,
 * reached over gRPC), the ticket worker with the app's activities, and a burst of tickets opened at
 * one instant, so every resolve deadline falls on the same millisecond. Each ticket's workflow
 * holds one durable timer for its next SLA alarm (the warning at 80 %, then the breach).
 */
final class WorkflowTimers {
  private static final String QUEUE = "bench-sla";

  private WorkflowTimers() {}

  static Samples run(TestJooq jooq, SlaBurst burst) throws Exception {
    int port = FreePort.find();
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
        TemporalConnection temporal = TemporalConnection.to(port, null);
        TicketWorker worker =
            new TicketWorker(
                temporal,
                QUEUE,
                jooq,
                TicketPolicy.defaults().withSla(burst.policy()),
                NoMailbox.inAppNotifications(jooq))) {
      worker.start();
      return burst.run("workflows", jooq, row -> worker.gateway().startFromRow(row));
    }
  }
}
