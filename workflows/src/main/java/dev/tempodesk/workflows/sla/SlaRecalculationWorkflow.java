package dev.tempodesk.workflows.sla;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * After an admin changed an SLA policy or business calendar (issue 18): tells every live ticket it
 * may govern, by the signal {@code TicketWorkflow.recalculateSla}, to look its policy up again and
 * re-time its clocks. Pages through the tickets by number, signals each page, never stops for one
 * ticket: an ended workflow is skipped, another failure is retried a few times and then counted.
 */
@WorkflowInterface
public interface SlaRecalculationWorkflow {
  String ID_PREFIX = "sla-recalc-";

  /**
   * One per change: {@code change} names it (e.g. {@code policy-3-1765015200000}, the policy's id
   * and update time), so submitting the same change twice starts one recalculation.
   */
  static String workflowId(String change) {
    return ID_PREFIX + change;
  }

  @WorkflowMethod
  RecalculationProgress recalculate(RecalculationInput input);

  /** The counts so far (finished once every page is done). */
  @QueryMethod
  RecalculationProgress progress();
}
