package dev.tempodesk.db.assignment;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.ASSIGNMENT_RESERVATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * The assignment queue, agents' loads and the reservations of the auto-assigner. The decision
 * methods must run inside one transaction that starts with {@link #lockForDecision()}.
 */
@Repository
public class AssignmentRepository {
  /**
   * Key of the transaction-scoped advisory lock that lets one assignment decision run at a time.
   */
  static final long DECISION_LOCK = 0x7e3d0a55L;

  /**
   * The waiting tickets with what the assigner needs to know of each: its group, the skills it asks
   * for (its tags that are skills of an active member of its group), and whether it still waits for
   * a skilled member ({@code skilled_only}: it asks for skills and has waited less than its group's
   * skill wait). Groups play no part in the order, so a busy group cannot hold another one's
   * tickets back: a ticket none of the free agents may take is passed over, not waited for.
   */
  private static final String QUEUE =
      """
      with waiting as (
        select t.number, t.version, t.priority, t.resolve_due_at, t.created_at, t.group_id,
               g.name as group_name,
               coalesce(t.waiting_since, t.created_at) as waiting_since,
               coalesce(t.waiting_since, t.created_at)
                 + make_interval(secs => g.skill_wait_seconds) as fallback_at,
               case when cardinality(t.tags) = 0 then array[]::text[]
                    else array(select s from (
                           select unnest(t.tags)
                           intersect
                           select unnest(a.skills)
                             from group_members m join agents a on a.id = m.agent_id
                            where m.group_id = t.group_id and a.active) asked(s)
                          order by s)
               end as skills
          from tickets t join groups g on g.id = t.group_id
         where t.status = 'NEW' and t.assignee_id is null
           and not exists (
               select 1 from assignment_reservations r where r.ticket_number = t.number)
      ), queue as (
        select w.*, (cardinality(w.skills) > 0 and w.fallback_at > now()) as skilled_only
          from waiting w
      )
      """;

  private static final String ORDER =
      """
       order by case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2
                              else 3 end,
                resolve_due_at nulls last, created_at, number
      """;

  private final DSLContext dsl;

  public AssignmentRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Serialises assignment decisions cluster-wide (a retried activity whose first attempt still
   * runs, or a second app instance, waits here) and locks the rows of the agents who may receive
   * tickets, so an agent edit waits until the decision is committed and the next one sees it.
   */
  public void lockForDecision() {
    dsl.execute("select pg_advisory_xact_lock(?)", DECISION_LOCK);
    dsl.execute("select id from agents where active and available order by id for update");
  }

  /** Active, available agents with their load, groups and skills, longest idle first. */
  public List<AgentSlot> availableAgents() {
    return availableAgentsWithLoad();
  }

  /**
   * Unassigned NEW tickets not yet reserved, of every group, in assignment order: URGENT first,
   * then the earliest resolve deadline, then the oldest.
   */
  public List<WaitingTicket> waitingQueue(int limit) {
    return dsl.resultQuery(QUEUE + " select * from queue" + ORDER + " limit {0}", DSL.val(limit))
        .fetch(AssignmentRepository::waitingTicket);
  }

  /**
   * The head of the waiting queue as far as {@code agents} can take it: tickets with at least one
   * of them in their group who may take them now (having every skill the ticket asks for, while it
   * still waits for a skilled member). Same order as {@link #waitingQueue}.
   */
  public List<WaitingTicket> assignableQueue(Collection<AgentSlot> agents, int limit) {
    Long[] ids = agents.stream().map(AgentSlot::id).toArray(Long[]::new);
    return dsl.resultQuery(
            QUEUE
                + """
                 select * from queue q
                  where exists (
                        select 1 from group_members m join agents a on a.id = m.agent_id
                         where m.group_id = q.group_id and m.agent_id = any({0})
                           and (not q.skilled_only or a.skills @> q.skills))
                """
                + ORDER
                + " limit {1}",
            DSL.val(ids, SQLDataType.BIGINT.array()),
            DSL.val(limit))
        .fetch(AssignmentRepository::waitingTicket);
  }

  /**
   * The earliest moment a ticket now waiting for a skilled member may go to any member of its
   * group; empty if none waits for one.
   */
  public Optional<OffsetDateTime> nextSkillFallback() {
    return Optional.ofNullable(
        dsl.resultQuery(QUEUE + " select min(fallback_at) from queue where skilled_only")
            .fetchOne(0, OffsetDateTime.class));
  }

  /** Tickets waiting for an agent per group, every group (none waiting: 0), by name. */
  public List<GroupQueue> queueByGroup() {
    return dsl.resultQuery(
            """
            select g.id, g.name, count(t.number)
              from groups g
              left join tickets t
                on t.group_id = g.id and t.status = 'NEW' and t.assignee_id is null
             group by g.id, g.name
             order by lower(g.name)
            """)
        .fetch(
            r ->
                new GroupQueue(
                    r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class)));
  }

  public int queueLength() {
    return dsl.fetchCount(TICKETS, TICKETS.STATUS.eq("NEW").and(TICKETS.ASSIGNEE_ID.isNull()));
  }

  public void reserve(long ticketNumber, long agentId, long expectedVersion) {
    dsl.insertInto(ASSIGNMENT_RESERVATIONS)
        .set(ASSIGNMENT_RESERVATIONS.TICKET_NUMBER, ticketNumber)
        .set(ASSIGNMENT_RESERVATIONS.AGENT_ID, agentId)
        .set(ASSIGNMENT_RESERVATIONS.EXPECTED_VERSION, expectedVersion)
        .execute();
  }

  public List<Reservation> reservations() {
    return dsl.select(
            ASSIGNMENT_RESERVATIONS.TICKET_NUMBER,
            ASSIGNMENT_RESERVATIONS.AGENT_ID,
            AGENTS.DISPLAY_NAME,
            ASSIGNMENT_RESERVATIONS.EXPECTED_VERSION)
        .from(ASSIGNMENT_RESERVATIONS)
        .join(AGENTS)
        .on(AGENTS.ID.eq(ASSIGNMENT_RESERVATIONS.AGENT_ID))
        .orderBy(ASSIGNMENT_RESERVATIONS.RESERVED_AT, ASSIGNMENT_RESERVATIONS.TICKET_NUMBER)
        .fetch(r -> new Reservation(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  /** Settles a reservation: the ticket workflow accepted or refused it. */
  public void release(long ticketNumber) {
    dsl.deleteFrom(ASSIGNMENT_RESERVATIONS)
        .where(ASSIGNMENT_RESERVATIONS.TICKET_NUMBER.eq(ticketNumber))
        .execute();
  }

  private static WaitingTicket waitingTicket(Record r) {
    return new WaitingTicket(
        r.get("number", Long.class),
        r.get("version", Long.class),
        r.get("priority", String.class),
        r.get("resolve_due_at", OffsetDateTime.class),
        r.get("group_id", Long.class),
        r.get("group_name", String.class),
        List.of(r.get("skills", String[].class)),
        r.get("skilled_only", Boolean.class),
        r.get("waiting_since", OffsetDateTime.class),
        r.get("fallback_at", OffsetDateTime.class));
  }

  private List<AgentSlot> availableAgentsWithLoad() {
    // Held tickets and reservations as (agent, ticket) pairs; UNION drops the pair that a
    // reservation and the projection row it already shows would otherwise count twice.
    return dsl.resultQuery(
            """
            select a.id, a.display_name, a.capacity, a.idle_since,
                   array(select m.group_id from group_members m where m.agent_id = a.id)
                     as group_ids,
                   a.skills,
                   (select count(*) from (
                      select t.number from tickets t
                       where t.assignee_id = a.id and t.status <> 'CLOSED'
                      union
                      select r.ticket_number from assignment_reservations r
                       where r.agent_id = a.id) held) as load
              from agents a
             where a.active and a.available
             order by a.idle_since, a.id
            """)
        .fetch(
            r ->
                new AgentSlot(
                    r.get(0, Long.class),
                    r.get(1, String.class),
                    r.get(2, Integer.class),
                    r.get("load", Integer.class),
                    r.get(3, OffsetDateTime.class),
                    Set.of(r.get("group_ids", Long[].class)),
                    Set.of(r.get("skills", String[].class))));
  }
}
