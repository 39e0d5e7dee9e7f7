package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.ticket.TicketRepository;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Managers and admins assign anyone; an agent takes tickets for themselves and gives back only
 * their own (DESIGN.md section 6). Managers and admins move tickets between groups; an agent only a
 * ticket of a group they manage (issue 21).
 */
@Component
public class AssignmentRights {
  private final CurrentActor current;
  private final TicketRepository tickets;
  private final GroupRepository groups;

  AssignmentRights(CurrentActor current, TicketRepository tickets, GroupRepository groups) {
    this.current = current;
    this.tickets = tickets;
    this.groups = groups;
  }

  void checkNewTicket(Long assigneeId) {
    SignedInUser user = current.required();
    if (user.role() == Role.AGENT && assigneeId != null && assigneeId != user.id()) {
      throw notYours();
    }
  }

  void checkChange(long number, TicketPatchRequest patch) {
    checkChange(current.required(), number, patch);
  }

  /** The same check for a change {@code user} makes outside a request (a bulk action's ticket). */
  public void checkChange(SignedInUser user, long number, TicketPatchRequest patch) {
    checkGroupMove(user, number, patch);
    if (user.role() != Role.AGENT || !patch.hasAssigneeId()) {
      return;
    }
    if (patch.getAssigneeId() != null) {
      if (patch.getAssigneeId() != user.id()) {
        throw notYours();
      }
      return;
    }
    Long assignee = tickets.find(number).map(row -> row.getAssigneeId()).orElse(null);
    if (assignee != null && !Objects.equals(assignee, user.id())) {
      throw FieldException.forbidden(
          "assigneeId", "Agents unassign only their own tickets; ask a manager for others'.");
    }
  }

  private void checkGroupMove(SignedInUser user, long number, TicketPatchRequest patch) {
    if (user.role() != Role.AGENT || patch.getGroupId() == null) {
      return;
    }
    Long group = tickets.find(number).map(TicketsRecord::getGroupId).orElse(null);
    if (group != null && !groups.isManager(group, user.id())) {
      throw FieldException.forbidden(
          "groupId",
          "Only managers, admins and the managers of the ticket's group move it to another group.");
    }
  }

  private static FieldException notYours() {
    return FieldException.forbidden(
        "assigneeId", "Agents assign tickets only to themselves; managers assign anyone.");
  }
}
