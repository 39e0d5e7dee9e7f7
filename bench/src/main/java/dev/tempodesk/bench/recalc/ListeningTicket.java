package dev.tempodesk.bench.recalc;

import dev.tempodesk.workflows.ticket.SlaRecalculation;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A lightweight stand-in for a ticket workflow: runs as {@code ticket-<number>} and takes the
 * ticket workflow's {@code recalculateSla} signal, noting when it was handled, and nothing else.
 */
@WorkflowInterface
public interface ListeningTicket {
  @WorkflowMethod
  void listen(long number);

  @SignalMethod(name = "recalculateSla")
  void recalculateSla(SlaRecalculation request);
}
