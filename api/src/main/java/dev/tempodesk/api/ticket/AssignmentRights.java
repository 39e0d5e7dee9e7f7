package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.ticket.TicketRepository;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Managers and admins assign anyone; an agent takes tickets for themselves and gives back only
 * their own (DESIGN.md section 6).
 */
@Component
public class AssignmentRights {
  private final CurrentActor current;
  private final TicketRepository tickets;

  AssignmentRights(CurrentActor current, TicketRepository tickets) {
    this.current = current;
    this.tickets = tickets;
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

  private static FieldException notYours() {
    return FieldException.forbidden(
        "assigneeId", "Agents assign tickets only to themselves; managers assign anyone.");
  }
}
