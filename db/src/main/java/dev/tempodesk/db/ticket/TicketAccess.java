package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Which tickets a member of staff may see (issue 21, README "Groups and visibility"): every ticket,
 * or an agent's groups' tickets plus the tickets assigned to them (wherever those were moved). The
 * one rule, in both forms: {@link #condition()} for the list, search, saved views, bulk selections
 * and exports (through {@link TicketFilter#access()}), {@link #sees} for one row and for the live
 * stream. Who gets which access (by role) is decided in the api's {@code VisibleTickets}.
 *
 * @param agentId the agent limited to their groups, or null: every ticket
 * @param groupIds the groups the agent is a member of (empty for ALL)
 */
public record TicketAccess(Long agentId, Set<Long> groupIds) {
  /** Every ticket: admins, and managers unless limited to their groups. */
  public static final TicketAccess ALL = new TicketAccess(null, Set.of());

  public TicketAccess {
    groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
  }

  /** An agent's view: the tickets of {@code groupIds} and those assigned to {@code agentId}. */
  public static TicketAccess agent(long agentId, Set<Long> groupIds) {
    return new TicketAccess(agentId, groupIds);
  }

  public boolean all() {
    return agentId == null;
  }

  /** The rule as SQL over {@code tickets}; no condition at all for {@link #ALL}. */
  public Condition condition() {
    if (all()) {
      return DSL.noCondition();
    }
    Condition assigned = TICKETS.ASSIGNEE_ID.eq(agentId);
    return groupIds.isEmpty() ? assigned : TICKETS.GROUP_ID.in(groupIds).or(assigned);
  }

  /** The rule for one ticket, by its group and assignee. */
  public boolean sees(Long groupId, Long assigneeId) {
    return all()
        || (assigneeId != null && Objects.equals(assigneeId, agentId))
        || (groupId != null && groupIds.contains(groupId));
  }

  public boolean sees(TicketsRecord ticket) {
    return sees(ticket.getGroupId(), ticket.getAssigneeId());
  }
}
