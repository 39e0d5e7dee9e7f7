package dev.tempodesk.workflows.assignment;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The one auto-assigner (workflow id {@value #WORKFLOW_ID}): runs assignment passes one after the
 * other, whenever something may have changed who can take which ticket, and on a safety-net timer.
 */
@WorkflowInterface
public interface AssignerWorkflow {
  String WORKFLOW_ID = "assigner";

  @WorkflowMethod
  void run(AssignerInput input);

  /**
   * Something changed: a ticket started waiting, an agent freed capacity, an agent was added or
   * edited. Wake-ups arriving during a pass cause exactly one more pass.
   */
  @SignalMethod
  void wake();

  @QueryMethod
  AssignerStatus status();
}
