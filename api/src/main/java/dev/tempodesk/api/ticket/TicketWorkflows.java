package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import dev.tempodesk.workflows.ticket.TicketWorkflowInput;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import org.springframework.stereotype.Component;

/** Starts and addresses ticket workflows ({@code ticket-<number>} on the Tempodesk task queue). */
@Component
public class TicketWorkflows {
  private final WorkflowClient client;
  private final TempodeskProperties properties;

  public TicketWorkflows(WorkflowClient client, TempodeskProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  /**
   * Starts the workflow of a ticket from its row. Idempotent: if it runs already, nothing happens.
   *
   * @return true if a workflow was started
   */
  public boolean startFromRow(TicketsRecord row, String assigneeName) {
    TicketWorkflow workflow =
        client.newWorkflowStub(
            TicketWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(properties.taskQueue())
                .setWorkflowId(TicketWorkflow.workflowId(row.getNumber()))
                .build());
    try {
      WorkflowClient.start(
          workflow::run,
          new TicketWorkflowInput(
              TicketRows.toState(row, assigneeName), properties.ticketPolicy()));
      return true;
    } catch (WorkflowExecutionAlreadyStarted alreadyRunning) {
      return false;
    }
  }

  public TicketWorkflow existing(long number) {
    return client.newWorkflowStub(TicketWorkflow.class, TicketWorkflow.workflowId(number));
  }

  public WorkflowStub untyped(long number) {
    return client.newUntypedWorkflowStub(TicketWorkflow.workflowId(number));
  }
}
