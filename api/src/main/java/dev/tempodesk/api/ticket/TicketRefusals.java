package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.workflows.ticket.TicketFailure;
import dev.tempodesk.workflows.ticket.TicketRuleViolation;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.UnaryOperator;

/**
 * What the API answers when a ticket, or its workflow, refuses a command: the one translation of
 * workflow refusals into API errors (see {@link TicketWorkflowCalls}, the one path into the
 * workflow), the same for every endpoint.
 *
 * <ul>
 *   <li>No ticket #n: 404 naming {@code number}.
 *   <li>The change breaks a rule: 422 naming the request field; a stale {@code expectedVersion}:
 *       409 naming it.
 *   <li>The ticket exists but its workflow is gone: 409 naming {@code number}. A ticket's workflow
 *       ends once the reopen window after closing has passed, and only a customer message can still
 *       reach the ticket (it starts a follow-up); so the ticket is no missing resource but one that
 *       can no longer change. A workflow terminated by ops answers the same; an open ticket's
 *       workflow lost by Temporal is re-created from its row by the reconciler at the next start.
 * </ul>
 */
public final class TicketRefusals {
  private TicketRefusals() {}

  /** The text for a ticket number that names no ticket. */
  public static String noTicket(long number) {
    return "There is no ticket #" + number + ".";
  }

  public static FieldException noSuchTicket(long number) {
    return FieldException.notFound("number", noTicket(number));
  }

  static FieldException workflowGone(long number) {
    return FieldException.conflict(
        "number", "Ticket #" + number + " is closed for good and can no longer change.");
  }

  /** Whether the refusal is {@link #workflowGone}'s. */
  static boolean isWorkflowGone(FieldException refusal) {
    return refusal.kind() == FieldException.Kind.CONFLICT && "number".equals(refusal.field());
  }

  /**
   * The API error for an update the workflow rejected; a rejection that is no rule violation is
   * returned unchanged (a fault, not a refusal).
   *
   * @param fieldNames maps the field the workflow blamed to the request's name for it
   */
  static RuntimeException rejected(
      WorkflowUpdateException rejected, UnaryOperator<String> fieldNames) {
    if (rejected.getCause() instanceof ApplicationFailure failure) {
      var violation = TicketRuleViolation.from(failure);
      if (violation.isPresent()) {
        TicketRuleViolation v = violation.get();
        String field = fieldNames.apply(v.field());
        return v.failure() == TicketFailure.VERSION_CONFLICT
            ? FieldException.conflict(field, v.text())
            : FieldException.invalid(field, v.text());
      }
    }
    return rejected;
  }
}
