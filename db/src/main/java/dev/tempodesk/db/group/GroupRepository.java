package dev.tempodesk.db.group;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.GroupsRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Groups (V44): the queues a team splits into, their members and managers, and how many open
 * tickets each holds. The API checks a group before it is written ({@code
 * dev.tempodesk.api.group}); the repository keeps rows. Throws Spring's {@code
 * DuplicateKeyException} for a name taken in another case.
 */
@Repository
public class GroupRepository {
  private final DSLContext dsl;

  public GroupRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A member of a group, with the agent's name. */
  public record Member(long agentId, String displayName, boolean manager) {}

  /** What a group's row is written from; null description and policy are stored as null. */
  public record Fields(
      String name, String description, Long defaultSlaPolicyId, int skillWaitSeconds) {}

  /** Every group, the default one first, then by name. */
  public List<GroupsRecord> listAll() {
    return dsl.selectFrom(GROUPS)
        .orderBy(GROUPS.IS_DEFAULT.desc(), DSL.lower(GROUPS.NAME), GROUPS.ID)
        .fetch();
  }

  public Optional<GroupsRecord> find(long id) {
    return dsl.selectFrom(GROUPS).where(GROUPS.ID.eq(id)).fetchOptional();
  }

  /** The group tickets land in when nothing routes them elsewhere ("Support" as seeded). */
  public GroupsRecord findDefault() {
    return dsl.selectFrom(GROUPS).where(GROUPS.IS_DEFAULT.isTrue()).fetchSingle();
  }

  public GroupsRecord insert(Fields fields) {
    return dsl.insertInto(GROUPS)
        .set(GROUPS.NAME, fields.name())
        .set(GROUPS.DESCRIPTION, fields.description())
        .set(GROUPS.DEFAULT_SLA_POLICY_ID, fields.defaultSlaPolicyId())
        .set(GROUPS.SKILL_WAIT_SECONDS, fields.skillWaitSeconds())
        .returning()
        .fetchSingle();
  }

  /** Replaces a group's fields; empty when there is no such group. */
  public Optional<GroupsRecord> update(long id, Fields fields) {
    return dsl.update(GROUPS)
        .set(GROUPS.NAME, fields.name())
        .set(GROUPS.DESCRIPTION, fields.description())
        .set(GROUPS.DEFAULT_SLA_POLICY_ID, fields.defaultSlaPolicyId())
        .set(GROUPS.SKILL_WAIT_SECONDS, fields.skillWaitSeconds())
        .set(GROUPS.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(GROUPS.ID.eq(id))
        .returning()
        .fetchOptional();
  }

  /**
   * Deletes a group that is not the default one and holds no ticket (open or closed; the tickets'
   * foreign key forbids it anyway). Its members and routing rules go with it.
   *
   * @return false when there was no such deletable group
   */
  public boolean delete(long id) {
    return dsl.deleteFrom(GROUPS)
            .where(GROUPS.ID.eq(id))
            .and(GROUPS.IS_DEFAULT.isFalse())
            .andNotExists(DSL.selectOne().from(TICKETS).where(TICKETS.GROUP_ID.eq(id)))
            .execute()
        == 1;
  }

  /** Makes {@code members} (agent id → manager) the group's whole membership. */
  public void replaceMembers(long groupId, Map<Long, Boolean> members) {
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          t.deleteFrom(GROUP_MEMBERS).where(GROUP_MEMBERS.GROUP_ID.eq(groupId)).execute();
          var insert =
              t.insertInto(
                  GROUP_MEMBERS,
                  GROUP_MEMBERS.GROUP_ID,
                  GROUP_MEMBERS.AGENT_ID,
                  GROUP_MEMBERS.MANAGER);
          for (Map.Entry<Long, Boolean> member : members.entrySet()) {
            insert = insert.values(groupId, member.getKey(), member.getValue());
          }
          if (!members.isEmpty()) {
            insert.execute();
          }
        });
  }

  /** The members of each of the groups, managers first, then by name. */
  public Map<Long, List<Member>> members(Collection<Long> groupIds) {
    Map<Long, List<Member>> byGroup = new LinkedHashMap<>();
    groupIds.forEach(id -> byGroup.put(id, new ArrayList<>()));
    dsl.select(
            GROUP_MEMBERS.GROUP_ID,
            GROUP_MEMBERS.AGENT_ID,
            AGENTS.DISPLAY_NAME,
            GROUP_MEMBERS.MANAGER)
        .from(GROUP_MEMBERS)
        .join(AGENTS)
        .on(AGENTS.ID.eq(GROUP_MEMBERS.AGENT_ID))
        .where(GROUP_MEMBERS.GROUP_ID.in(groupIds))
        .orderBy(GROUP_MEMBERS.MANAGER.desc(), DSL.lower(AGENTS.DISPLAY_NAME), AGENTS.ID)
        .forEach(
            row ->
                byGroup
                    .computeIfAbsent(row.value1(), id -> new ArrayList<>())
                    .add(new Member(row.value2(), row.value3(), row.value4())));
    return byGroup;
  }

  /** The groups {@code agentId} is a member of, the default one first, then by name. */
  public List<GroupsRecord> groupsOf(long agentId) {
    return dsl.select(GROUPS.asterisk())
        .from(GROUPS)
        .join(GROUP_MEMBERS)
        .on(GROUP_MEMBERS.GROUP_ID.eq(GROUPS.ID))
        .where(GROUP_MEMBERS.AGENT_ID.eq(agentId))
        .orderBy(GROUPS.IS_DEFAULT.desc(), DSL.lower(GROUPS.NAME), GROUPS.ID)
        .fetchInto(GROUPS);
  }

  public boolean isMember(long groupId, long agentId) {
    return dsl.fetchExists(
        GROUP_MEMBERS, GROUP_MEMBERS.GROUP_ID.eq(groupId).and(GROUP_MEMBERS.AGENT_ID.eq(agentId)));
  }

  public boolean isManager(long groupId, long agentId) {
    return dsl.fetchExists(
        GROUP_MEMBERS,
        GROUP_MEMBERS
            .GROUP_ID
            .eq(groupId)
            .and(GROUP_MEMBERS.AGENT_ID.eq(agentId))
            .and(GROUP_MEMBERS.MANAGER.isTrue()));
  }

  /** How many not CLOSED tickets each group holds; a group without any is left out. */
  public Map<Long, Integer> openTicketCounts() {
    Map<Long, Integer> counts = new HashMap<>();
    dsl.select(TICKETS.GROUP_ID, DSL.count())
        .from(TICKETS)
        .where(TICKETS.STATUS.ne("CLOSED"))
        .groupBy(TICKETS.GROUP_ID)
        .forEach(row -> counts.put(row.value1(), row.value2()));
    return counts;
  }

  /** The default SLA policy of the group ticket {@code number} is in, if it has one. */
  public Optional<Long> defaultSlaPolicyOfTicket(long number) {
    return dsl.select(GROUPS.DEFAULT_SLA_POLICY_ID)
        .from(TICKETS)
        .join(GROUPS)
        .on(GROUPS.ID.eq(TICKETS.GROUP_ID))
        .where(TICKETS.NUMBER.eq(number))
        .and(GROUPS.DEFAULT_SLA_POLICY_ID.isNotNull())
        .fetchOptional(GROUPS.DEFAULT_SLA_POLICY_ID);
  }

  /** How many tickets, closed ones included, belong to the group. */
  public int ticketCount(long groupId) {
    return dsl.fetchCount(TICKETS, TICKETS.GROUP_ID.eq(groupId));
  }
}
