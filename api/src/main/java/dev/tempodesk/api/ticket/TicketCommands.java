package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.attachment.FileUploads;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.group.Groups;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.GroupsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AgentRef;
import dev.tempodesk.workflows.ticket.AssigneeChange;
import dev.tempodesk.workflows.ticket.GroupRef;
import dev.tempodesk.workflows.ticket.TagChange;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
  private final Groups groups;
  private final GroupRepository groupRows;
  private final Clock clock;

  public TicketCommands(
      TicketCreation creation,
      TicketRepository tickets,
      AgentRepository agents,
      TicketWorkflowGateway workflows,
      TicketWorkflowCalls calls,
      FileUploads uploads,
      Groups groups,
      GroupRepository groupRows,
      Clock clock) {
    this.creation = creation;
    this.tickets = tickets;
    this.agents = agents;
    this.workflows = workflows;
    this.calls = calls;
    this.uploads = uploads;
    this.groups = groups;
    this.groupRows = groupRows;
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
    GroupRef group = group(patch);
    AssigneeChange assignee = assigneeChange(patch);
    List<String> notes = new ArrayList<>();
    if (group != null) {
      assignee = keepWithinGroup(number, group, patch, assignee, notes);
    }
    TicketUpdateRequest request =
        TicketUpdateRequest.by(actor, patch.getComment())
            .expectedVersion(patch.getExpectedVersion())
            .status(patch.getStatus())
            .priority(patch.getPriority())
            .assignee(assignee)
            .group(group)
            .pendingReason(patch.getPendingReason())
            .pendingFor(patch.getPendingFor())
            .resolution(patch.getResolution())
            .tags(tagChange(patch))
            .build();
    TicketUpdateResult result = calls.update(number, workflow -> workflow.update(request));
    TicketView view = tickets.findView(number).orElseThrow();
    notes.addAll(result.autoFixes());
    return new TicketUpdateResponse(
        TicketDto.from(view, clock.instant()), result.changes(), List.copyOf(notes));
  }

  /** The group the patch moves the ticket to; 422 naming groupId when there is no such group. */
  private GroupRef group(TicketPatchRequest patch) {
    if (patch.getGroupId() == null) {
      return null;
    }
    GroupsRecord row = groups.known(patch.getGroupId(), "groupId");
    return new GroupRef(row.getId(), row.getName());
  }

  /**
   * A ticket moved to another group stays with a member of it: an assignee the patch names who is
   * not a member is refused (422 naming assigneeId); the current assignee who is not one is
   * unassigned in the same change, said in the response's autoFixes (the audit trail shows both
   * changes under the one comment).
   */
  private AssigneeChange keepWithinGroup(
      long number,
      GroupRef group,
      TicketPatchRequest patch,
      AssigneeChange requested,
      List<String> notes) {
    TicketsRecord row = tickets.find(number).orElse(null);
    if (row == null || Objects.equals(row.getGroupId(), group.id())) {
      return requested;
    }
    if (patch.hasAssigneeId()) {
      Long named = patch.getAssigneeId();
      if (named != null && !groupRows.isMember(group.id(), named)) {
        throw FieldException.invalid(
            "assigneeId",
            "Agent #%d is not a member of %s; pick a member or leave it unassigned."
                .formatted(named, group.name()));
      }
      return requested;
    }
    Long assignee = row.getAssigneeId();
    if (assignee == null || groupRows.isMember(group.id(), assignee)) {
      return requested;
    }
    String name = agents.find(assignee).map(AgentsRecord::getDisplayName).orElse("#" + assignee);
    notes.add("Unassigned %s: not a member of %s.".formatted(name, group.name()));
    return AssigneeChange.unassign();
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
