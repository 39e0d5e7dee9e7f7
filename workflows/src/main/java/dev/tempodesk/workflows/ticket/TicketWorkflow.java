package dev.tempodesk.workflows.ticket;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One support ticket, for as long as it can change: from creation until its reopen window after
 * closing has passed. Workflow id {@code ticket-<number>}.
 */
@WorkflowInterface
public interface TicketWorkflow {

  static String workflowId(long ticketNumber) {
    return "ticket-" + ticketNumber;
  }

  @WorkflowMethod
  void run(TicketWorkflowInput input);

  /**
   * Applies an agent's change. Rejected when it breaks a rule ({@link TicketFailure#INVALID_FIELD})
   * or when the expected version is stale ({@link TicketFailure#VERSION_CONFLICT}), with a {@link
   * TicketRuleViolation} naming kind and field: by the validator, before it reaches history, or by
   * the handler, which checks again under the lock in case an earlier update applied meanwhile.
   * Returns once the projection and the audit event are written.
   */
  @UpdateMethod
  TicketUpdateResult update(TicketUpdateRequest request);

  @UpdateValidatorMethod(updateName = "update")
  void validateUpdate(TicketUpdateRequest request);

  /**
   * Records an agent's reply as a QUEUED outbound message and returns; the message is then sent in
   * the background (its row becomes SENT or FAILED). The first reply sets the first-response time.
   * An optional status change applies with it, under the rules of {@link #update}.
   */
  @UpdateMethod
  ReplyResult reply(ReplyRequest request);

  @UpdateValidatorMethod(updateName = "reply")
  void validateReply(ReplyRequest request);

  /** Adds an internal note (never mailed) to the thread and the audit trail. */
  @UpdateMethod
  OutboundRef addNote(NoteRequest request);

  @UpdateValidatorMethod(updateName = "addNote")
  void validateNote(NoteRequest request);

  /** Sends a FAILED reply again with its original Idempotency-Key. */
  @UpdateMethod
  OutboundRef retryReply(RetryReplyRequest request);

  @UpdateValidatorMethod(updateName = "retryReply")
  void validateRetryReply(RetryReplyRequest request);

  /** A new message was stored for this ticket. Duplicates (same message id) are ignored. */
  @SignalMethod
  void newMessage(InboundMessage message);

  /**
   * The SLA policy or calendar governing this ticket changed: look the policy up again and re-time
   * the clocks, with an audit entry giving the reason.
   */
  @SignalMethod
  void recalculateSla(SlaRecalculation request);

  @QueryMethod
  TicketState current();
}
