package dev.tempodesk.db.group;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Read-only questions about group membership (V44's {@code group_members}) for visibility and
 * notices; groups and their members are edited by {@code GroupRepository}.
 */
@Repository
public class GroupMembership {
  private final DSLContext dsl;

  public GroupMembership(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The groups the agent is a member of (as manager or not). */
  public Set<Long> groupsOf(long agentId) {
    return dsl.select(GROUP_MEMBERS.GROUP_ID)
        .from(GROUP_MEMBERS)
        .where(GROUP_MEMBERS.AGENT_ID.eq(agentId))
        .fetchSet(GROUP_MEMBERS.GROUP_ID);
  }

  /**
   * The active managers of the group ticket #number is in now (empty when the group has none, or
   * there is no such ticket), by id.
   */
  public List<AgentsRecord> activeManagersOfTicket(long number) {
    return dsl.select(AGENTS.asterisk())
        .from(AGENTS)
        .join(GROUP_MEMBERS)
        .on(GROUP_MEMBERS.AGENT_ID.eq(AGENTS.ID))
        .join(TICKETS)
        .on(TICKETS.GROUP_ID.eq(GROUP_MEMBERS.GROUP_ID))
        .where(TICKETS.NUMBER.eq(number), GROUP_MEMBERS.MANAGER.isTrue(), AGENTS.ACTIVE.isTrue())
        .orderBy(AGENTS.ID)
        .fetchInto(AGENTS);
  }
}
