package dev.tempodesk.workflows.contact;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A merge of one contact into another (issue 21.5): first the contact-level move (so mail and
 * sign-ins from the merged address reach the survivor at once), then every ticket of the merged
 * contact, one by one, with bounded retries; a ticket that could not be moved is recorded and the
 * merge ends INCOMPLETE (asking for the merge again retries it). Progress is read from the
 * database.
 */
@WorkflowInterface
public interface ContactMergeWorkflow {

  /** One workflow per pair of contacts: the merged one and the survivor. */
  static String workflowId(long mergedId, long survivorId) {
    return "contact-merge-" + mergedId + "-into-" + survivorId;
  }

  @WorkflowMethod
  void run(ContactMergeInput input);
}
