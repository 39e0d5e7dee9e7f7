package dev.tempodesk.workflows.attachment;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Fetches the bytes of an inbound message's attachments from the provider, away from the mailbox
 * sync: the sync stores the message with its files listed as PENDING and starts this workflow, so a
 * slow or failing download never holds up the ticket. Each file is tried with bounded retries and
 * ends STORED, REFUSED (over a limit, a blocked type) or FAILED with the reason; "retry" on a
 * FAILED file starts it again for that file.
 */
@WorkflowInterface
public interface AttachmentFetchWorkflow {

  /** One per message: a second start for the same message collapses into the first. */
  static String workflowId(String messageId) {
    return "attachments-" + messageId;
  }

  /** A person's "retry" of one failed file (separate from the message's first fetch). */
  static String retryWorkflowId(String attachmentId) {
    return "attachment-retry-" + attachmentId;
  }

  @WorkflowMethod
  void fetch(AttachmentFetchInput input);
}
