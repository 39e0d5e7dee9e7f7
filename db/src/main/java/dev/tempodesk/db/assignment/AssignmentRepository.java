package dev.tempodesk.db.assignment;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.ASSIGNMENT_RESERVATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
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

  private static final Field<Integer> PRIORITY_RANK =
      DSL.case_(TICKETS.PRIORITY).when("URGENT", 0).when("HIGH", 1).when("NORMAL", 2).else_(3);

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

  /** Active, available agents with their load, longest idle first. */
  public List<AgentSlot> availableAgents() {
    return availableAgentsWithLoad();
  }

  /** Unassigned NEW tickets not yet reserved: URGENT first, then the earliest resolve deadline. */
  public List<WaitingTicket> waitingQueue(int limit) {
    return dsl.select(TICKETS.NUMBER, TICKETS.VERSION, TICKETS.PRIORITY, TICKETS.RESOLVE_DUE_AT)
        .from(TICKETS)
        .where(TICKETS.STATUS.eq("NEW"), TICKETS.ASSIGNEE_ID.isNull())
        .andNotExists(
            DSL.selectOne()
                .from(ASSIGNMENT_RESERVATIONS)
                .where(ASSIGNMENT_RESERVATIONS.TICKET_NUMBER.eq(TICKETS.NUMBER)))
        .orderBy(
            PRIORITY_RANK,
            TICKETS.RESOLVE_DUE_AT.asc().nullsLast(),
            TICKETS.CREATED_AT,
            TICKETS.NUMBER)
        .limit(limit)
        .fetch(r -> new WaitingTicket(r.value1(), r.value2(), r.value3(), r.value4()));
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

  private List<AgentSlot> availableAgentsWithLoad() {
    // Held tickets and reservations as (agent, ticket) pairs; UNION drops the pair that a
    // reservation and the projection row it already shows would otherwise count twice.
    return dsl.resultQuery(
            """
            select a.id, a.display_name, a.capacity, a.idle_since,
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
                    r.get(4, Integer.class),
                    r.get(3, java.time.OffsetDateTime.class)));
  }
}
