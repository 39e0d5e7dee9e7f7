package dev.tempodesk.workflows.mailbox;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Keeps one connected mailbox in sync, forever: a pass, then a pause of the poll interval or until
 * poked. Workflow id {@code mailbox-<grant id>}.
 */
@WorkflowInterface
public interface MailboxSyncWorkflow {

  static String workflowId(String grantId) {
    return "mailbox-" + grantId;
  }

  @WorkflowMethod
  void run(MailboxSyncInput input);

  /** New mail is waiting (a webhook said so): run the next pass now instead of at the next poll. */
  @SignalMethod
  void pollNow();

  @QueryMethod
  MailboxSyncStatus status();
}
