package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.attachment.FileUploads;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AgentRef;
import dev.tempodesk.workflows.ticket.AssigneeChange;
import dev.tempodesk.workflows.ticket.TagChange;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateResult;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Commands on tickets. Creation writes the row first and then starts the workflow (the row is the
 * durable record; a missing workflow is re-created by the reconciler). Every later change goes
 * through the workflow's update, which writes the row and the audit trail before it returns.
 */
@Service
public class TicketCommands {
  private final TicketCreation creation;
  private final TicketRepository tickets;
  private final AgentRepository agents;
  private final TicketWorkflowGateway workflows;
  private final TicketWorkflowCalls calls;
  private final FileUploads uploads;
  private final Clock clock;

  public TicketCommands(
      TicketCreation creation,
      TicketRepository tickets,
      AgentRepository agents,
      TicketWorkflowGateway workflows,
      TicketWorkflowCalls calls,
      FileUploads uploads,
      Clock clock) {
    this.creation = creation;
    this.tickets = tickets;
    this.agents = agents;
    this.workflows = workflows;
    this.calls = calls;
    this.uploads = uploads;
    this.clock = clock;
  }

  public TicketView create(CreateTicketRequest request, Actor actor) {
    return create(request, actor, List.of());
  }

  /** A new ticket whose first message carries files (checked and stored before it is written). */
  public TicketView create(CreateTicketRequest request, Actor actor, List<MultipartFile> files) {
    TicketsRecord row = creation.insert(request, actor, uploads.keep(files, false));
    workflows.startFromRow(row);
    return tickets.findView(row.getNumber()).orElseThrow();
  }

  public TicketUpdateResponse update(long number, TicketPatchRequest patch, Actor actor) {
    TicketUpdateRequest request =
        TicketUpdateRequest.by(actor, patch.getComment())
            .expectedVersion(patch.getExpectedVersion())
            .status(patch.getStatus())
            .priority(patch.getPriority())
            .assignee(assigneeChange(patch))
            .pendingReason(patch.getPendingReason())
            .pendingFor(patch.getPendingFor())
            .resolution(patch.getResolution())
            .tags(tagChange(patch))
            .build();
    TicketUpdateResult result = calls.update(number, workflow -> workflow.update(request));
    TicketView view = tickets.findView(number).orElseThrow();
    return new TicketUpdateResponse(
        TicketDto.from(view, clock.instant()), result.changes(), result.autoFixes());
  }

  /**
   * Gives ticket #number to another reporter through its workflow's update (a contact merge),
   * audited as a {@code reporter} change with the comment.
   *
   * @return false when the ticket's workflow has ended (closed for good): it can no longer change
   *     through the workflow
   */
  public boolean changeReporter(long number, long reporterId, Actor actor, String comment) {
    TicketUpdateRequest request =
        TicketUpdateRequest.by(actor, comment).reporterId(reporterId).build();
    try {
      calls.update(number, workflow -> workflow.update(request));
      return true;
    } catch (FieldException refused) {
      if (TicketRefusals.isWorkflowGone(refused)) {
        return false;
      }
      throw refused;
    }
  }

  /** The patch's tags, addTags and removeTags; null when it names none (checked by the rules). */
  private static TagChange tagChange(TicketPatchRequest patch) {
    TagChange change = new TagChange(patch.getTags(), patch.getAddTags(), patch.getRemoveTags());
    return change.isEmpty() ? null : change;
  }

  private AssigneeChange assigneeChange(TicketPatchRequest patch) {
    if (!patch.hasAssigneeId()) {
      return null;
    }
    if (patch.getAssigneeId() == null) {
      return AssigneeChange.unassign();
    }
    AgentsRecord agent =
        agents
            .find(patch.getAssigneeId())
            .orElseThrow(
                () ->
                    FieldException.invalid(
                        "assigneeId", "There is no agent #" + patch.getAssigneeId() + "."));
    return AssigneeChange.to(
        new AgentRef(agent.getId(), agent.getDisplayName(), agent.getActive()));
  }
}
