package dev.tempodesk.bench.recalc;

import dev.tempodesk.workflows.ticket.SlaRecalculation;
import io.temporal.workflow.Workflow;

/**
 * Reports to the benchmark's {@link Deliveries} (a side effect no real workflow may have; here it
 * only notes the time, and repeats on replay are ignored).
 */
final class ListeningTicketImpl implements ListeningTicket {
  private final Deliveries deliveries;

  ListeningTicketImpl(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void listen(long number) {
    deliveries.started(number);
    Workflow.await(() -> false);
  }

  @Override
  public void recalculateSla(SlaRecalculation request) {
    String id = Workflow.getInfo().getWorkflowId();
    deliveries.handled(request.reason(), Long.parseLong(id.substring(id.indexOf('-') + 1)));
  }
}
