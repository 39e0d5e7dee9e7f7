package dev.tempodesk.activities.ticket;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.InboundMessage;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import dev.tempodesk.workflows.ticket.TicketWorkflowInput;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;

/**
 * Starts, signals and addresses ticket workflows ({@code ticket-<number>} on the app's task queue).
 * Every start uses the ticket's row as the workflow's initial state, with the assignee's name
 * looked up here.
 */
public class TicketWorkflowGateway {
  private final WorkflowClient client;
  private final String taskQueue;
  private final TicketPolicy policy;
  private final AssignerWakeUp assigner;
  private final ReporterEmails reporterEmails;
  private final AssigneeNames assigneeNames;
  private final GroupNames groupNames;

  public TicketWorkflowGateway(WorkflowClient client, String taskQueue, TicketPolicy policy) {
    this(client, taskQueue, policy, AssignerWakeUp.none());
  }

  public TicketWorkflowGateway(
      WorkflowClient client, String taskQueue, TicketPolicy policy, AssignerWakeUp assigner) {
    this(client, taskQueue, policy, assigner, ReporterEmails.none(), AssigneeNames.none());
  }

  /**
   * @param assigner woken after a waiting ticket's workflow started: until then the ticket cannot
   *     accept an assignment
   * @param reporterEmails the {@code CustomerEmail} search attribute each start sets
   * @param assigneeNames the assignee's name in the state each start carries (the row has the id)
   */
  public TicketWorkflowGateway(
      WorkflowClient client,
      String taskQueue,
      TicketPolicy policy,
      AssignerWakeUp assigner,
      ReporterEmails reporterEmails,
      AssigneeNames assigneeNames) {
    this(client, taskQueue, policy, assigner, reporterEmails, assigneeNames, GroupNames.none());
  }

  /**
   * @param groupNames the group's name in the state each start carries (the row has the id)
   */
  public TicketWorkflowGateway(
      WorkflowClient client,
      String taskQueue,
      TicketPolicy policy,
      AssignerWakeUp assigner,
      ReporterEmails reporterEmails,
      AssigneeNames assigneeNames,
      GroupNames groupNames) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.policy = policy;
    this.assigner = assigner;
    this.reporterEmails = reporterEmails;
    this.assigneeNames = assigneeNames;
    this.groupNames = groupNames;
  }

  public TicketPolicy policy() {
    return policy;
  }

  /**
   * Starts the workflow of a ticket from its row. Idempotent: if it runs already, nothing happens.
   *
   * @return true if a workflow was started
   */
  public boolean startFromRow(TicketsRecord row) {
    TicketWorkflowInput input = input(row);
    try {
      WorkflowClient.start(newStub(row)::run, input);
      assigner.afterStart(input.ticket());
      return true;
    } catch (WorkflowExecutionAlreadyStarted alreadyRunning) {
      return false;
    }
  }

  /** Delivers a stored message to its ticket, starting the workflow from the row if needed. */
  public void signalMessage(TicketsRecord row, InboundMessage message) {
    TicketWorkflow workflow = newStub(row);
    BatchRequest request = client.newSignalWithStartRequest();
    TicketWorkflowInput input = input(row);
    request.add(workflow::run, input);
    request.add(workflow::newMessage, message);
    client.signalWithStart(request);
    assigner.afterStart(input.ticket());
  }

  public TicketWorkflow existing(long number) {
    return client.newWorkflowStub(TicketWorkflow.class, TicketWorkflow.workflowId(number));
  }

  /**
   * A stub that starts the ticket's workflow. The reporter's email goes in as a search attribute at
   * the start: the workflow state holds only the contact id, and continue-as-new carries start
   * attributes over to the next run.
   */
  private TicketWorkflow newStub(TicketsRecord row) {
    SearchAttributes.Builder visible = SearchAttributes.newBuilder();
    reporterEmails
        .of(row.getReporterId())
        .ifPresent(email -> visible.set(TicketSearchAttributes.CUSTOMER_EMAIL, email));
    return client.newWorkflowStub(
        TicketWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setWorkflowId(TicketWorkflow.workflowId(row.getNumber()))
            .setTypedSearchAttributes(visible.build())
            .build());
  }

  private TicketWorkflowInput input(TicketsRecord row) {
    String assigneeName =
        row.getAssigneeId() == null ? null : assigneeNames.of(row.getAssigneeId()).orElse(null);
    String groupName =
        row.getGroupId() == null ? null : groupNames.of(row.getGroupId()).orElse(null);
    return new TicketWorkflowInput(TicketRows.toState(row, assigneeName, groupName), policy);
  }
}
