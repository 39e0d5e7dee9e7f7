package dev.tempodesk.api.lifecycle;

import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.assignment.AssignerWorkflow;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a ticket's workflow, a mailbox's sync and the auto-assigner did, read from Temporal's
 * history and told in plain words (issue 22): for admins and managers.
 */
@RestController
@Tag(name = "Lifecycle")
class LifecycleController {
  private static final String PAGE_TOKEN = "from the previous page's nextPageToken";
  private static final String SIZE = "entries per page";

  private final WorkflowLifecycles lifecycles;
  private final TicketRepository tickets;
  private final MailboxRepository mailboxes;

  LifecycleController(
      WorkflowLifecycles lifecycles, TicketRepository tickets, MailboxRepository mailboxes) {
    this.lifecycles = lifecycles;
    this.tickets = tickets;
    this.mailboxes = mailboxes;
  }

  @GetMapping("/api/tickets/{number}/lifecycle")
  @Operation(
      operationId = "getTicketLifecycle",
      summary = "What the ticket's workflow did, newest first, in plain words",
      description =
          "Signals received, updates applied or refused, timers set and fired with what they wait"
              + " for (pending time, SLA warning or breach of a metric, reopen window), activities"
              + " with attempts and failures, continue-as-new; across every run of the workflow,"
              + " with a link to the newest run in the Temporal UI. Summaries only: no message or"
              + " note bodies.")
  LifecyclePage ticket(
      @PathVariable long number,
      @Parameter(description = PAGE_TOKEN) @RequestParam(required = false) @Size(max = 200)
          String pageToken,
      @Parameter(description = SIZE) @RequestParam(defaultValue = "50") @Min(1) @Max(200)
          int size) {
    tickets
        .find(number)
        .orElseThrow(() -> new NotFoundException("There is no ticket #" + number + "."));
    return lifecycles.page(
        TicketWorkflow.workflowId(number), TicketVocabulary::new, pageToken, size);
  }

  @GetMapping("/api/mailboxes/{mailboxId}/lifecycle")
  @Operation(
      operationId = "getMailboxLifecycle",
      summary = "What the mailbox's sync workflow did, newest first, in plain words")
  LifecyclePage mailbox(
      @PathVariable long mailboxId,
      @Parameter(description = PAGE_TOKEN) @RequestParam(required = false) @Size(max = 200)
          String pageToken,
      @Parameter(description = SIZE) @RequestParam(defaultValue = "50") @Min(1) @Max(200)
          int size) {
    String grant =
        mailboxes
            .find(mailboxId)
            .orElseThrow(() -> new NotFoundException("There is no mailbox #" + mailboxId + "."))
            .getGrantId();
    return lifecycles.page(
        MailboxSyncWorkflow.workflowId(grant), MailboxSyncVocabulary::new, pageToken, size);
  }

  @GetMapping("/api/assignment/lifecycle")
  @Operation(
      operationId = "getAssignerLifecycle",
      summary = "What the auto-assigner workflow did, newest first, in plain words")
  LifecyclePage assigner(
      @Parameter(description = PAGE_TOKEN) @RequestParam(required = false) @Size(max = 200)
          String pageToken,
      @Parameter(description = SIZE) @RequestParam(defaultValue = "50") @Min(1) @Max(200)
          int size) {
    return lifecycles.page(AssignerWorkflow.WORKFLOW_ID, AssignerVocabulary::new, pageToken, size);
  }
}
