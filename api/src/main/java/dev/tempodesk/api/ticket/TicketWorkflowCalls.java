package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The one path from the API into a ticket's workflow: every update (change, reply, note, retry)
 * goes through {@link #update}, so a missing ticket, a broken rule and a gone workflow answer the
 * same from every endpoint (see {@link TicketRefusals}).
 */
@Component
class TicketWorkflowCalls {
  private final TicketRepository tickets;
  private final TicketWorkflowGateway workflows;

  TicketWorkflowCalls(TicketRepository tickets, TicketWorkflowGateway workflows) {
    this.tickets = tickets;
    this.workflows = workflows;
  }

  /** Runs an update on ticket #number's workflow; the workflow blames request fields by name. */
  <T> T update(long number, Function<TicketWorkflow, T> update) {
    return update(number, UnaryOperator.identity(), update);
  }

  /**
   * Runs an update on ticket #number's workflow.
   *
   * @param fieldNames maps a field the workflow blames to the request's name for it
   */
  <T> T update(long number, UnaryOperator<String> fieldNames, Function<TicketWorkflow, T> update) {
    if (tickets.find(number).isEmpty()) {
      throw TicketRefusals.noSuchTicket(number);
    }
    try {
      return update.apply(workflows.existing(number));
    } catch (WorkflowUpdateException rejected) {
      throw TicketRefusals.rejected(rejected, fieldNames);
    } catch (WorkflowNotFoundException gone) {
      throw TicketRefusals.workflowGone(number);
    }
  }
}
