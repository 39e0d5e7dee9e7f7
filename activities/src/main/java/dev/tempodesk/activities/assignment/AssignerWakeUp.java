package dev.tempodesk.activities.assignment;

import dev.tempodesk.workflows.assignment.AssignerWorkflow;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the auto-assigner when a change may let it assign something. Best effort by design: a
 * wake-up is only sent after the change is committed, a lost one is caught by the assigner's
 * safety-net timer, and a failure here must never fail the ticket change that caused it.
 */
public class AssignerWakeUp {
  private static final Logger log = LoggerFactory.getLogger(AssignerWakeUp.class);
  private static final AssignerWakeUp NONE = new AssignerWakeUp(null);

  private final WorkflowClient client;

  public AssignerWakeUp(WorkflowClient client) {
    this.client = client;
  }

  /** For an app (or test) without auto-assignment: never signals. */
  public static AssignerWakeUp none() {
    return NONE;
  }

  public void wake() {
    if (client == null) {
      return;
    }
    try {
      client.newWorkflowStub(AssignerWorkflow.class, AssignerWorkflow.WORKFLOW_ID).wake();
    } catch (WorkflowNotFoundException notRunningYet) {
      // Started on application start-up; its first pass sees everything committed before it.
    } catch (RuntimeException e) {
      log.warn("Could not wake the assigner; its safety-net pass will catch up", e);
    }
  }

  /** After a ticket change was written: wakes the assigner if the change matters to it. */
  public void afterChange(TicketChangeRecord change) {
    if (mattersForAssignment(change)) {
      wake();
    }
  }

  /** After a ticket workflow was started: a waiting ticket can be assigned from now on. */
  public void afterStart(TicketState ticket) {
    if (waits(ticket)) {
      wake();
    }
  }

  /**
   * The ticket waits for an agent, or an agent gave a ticket up (closed, unassigned, reassigned). A
   * change that only gives an agent a ticket (an assignment, a reopen) cannot help the queue.
   */
  static boolean mattersForAssignment(TicketChangeRecord change) {
    if (waits(change.ticket())) {
      return true;
    }
    for (FieldChange field : change.event().changes()) {
      boolean agentGaveUp = field.field().equals("assignee") && field.from() != null;
      boolean closed =
          field.field().equals("status") && TicketStatus.CLOSED.name().equals(field.to());
      if (agentGaveUp || closed) {
        return true;
      }
    }
    return false;
  }

  private static boolean waits(TicketState ticket) {
    return ticket.status == TicketStatus.NEW && ticket.assigneeId == null;
  }
}
