package dev.tempodesk.workflows.assist;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One suggestion of assist (issue 23) for one ticket: the model is only ever called from this
 * workflow's activity, never from a web request's thread. The id is per ticket and kind, so a
 * second request while one runs (a double click, two agents) joins it instead of calling the model
 * twice.
 */
@WorkflowInterface
public interface AssistWorkflow {
  String ID_PREFIX = "assist-";

  static String workflowId(long ticketNumber, AssistKind kind) {
    return ID_PREFIX + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + ticketNumber;
  }

  @WorkflowMethod
  AssistOutcome run(AssistRequest request);
}
