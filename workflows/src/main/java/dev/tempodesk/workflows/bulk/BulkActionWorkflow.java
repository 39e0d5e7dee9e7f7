package dev.tempodesk.workflows.bulk;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A bulk action (issue 19): one change with one comment made to many tickets, each through its own
 * ticket workflow's update (validated by that ticket's rules), each outcome recorded; one ticket's
 * refusal never stops the others. Progress and outcomes are read from the database.
 */
@WorkflowInterface
public interface BulkActionWorkflow {
  String ID_PREFIX = "bulk-";

  static String workflowId(long actionId) {
    return ID_PREFIX + actionId;
  }

  @WorkflowMethod
  void run(BulkActionInput input);
}
