package dev.tempodesk.activities.assignment;

import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.assignment.AgentSlot;
import dev.tempodesk.db.assignment.AssignmentRepository;
import dev.tempodesk.db.assignment.Reservation;
import dev.tempodesk.db.assignment.WaitingTicket;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.workflows.assignment.AssignerActivities;
import dev.tempodesk.workflows.assignment.AssignmentPassResult;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AgentRef;
import dev.tempodesk.workflows.ticket.AssigneeChange;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One assignment pass in two steps. Decide: in one transaction holding the decision lock, match the
 * queue's head with the longest-idle agents that have free capacity, each ticket only with members
 * of its group (and, while it waits for one, members with the skills it asks for), and write a
 * reservation for each match (a reservation counts against capacity, one capacity per agent
 * whatever their groups). Settle: ask each ticket workflow to accept its agent with the ticket
 * version the decision saw; the reservation is released once the workflow has answered — accepted
 * (the projection now shows the assignee) or refused (the ticket changed, so this attempt can never
 * apply later).
 */
@Component("assignerActivities")
public class AssignerActivitiesImpl implements AssignerActivities {
  public static final String COMMENT = "Auto-assigned: longest idle available agent";
  private static final Logger log = LoggerFactory.getLogger(AssignerActivitiesImpl.class);

  private final AssignmentRepository assignments;
  private final AgentRepository agents;
  private final TicketWorkflowGateway tickets;
  private final TransactionTemplate transaction;

  public AssignerActivitiesImpl(
      AssignmentRepository assignments,
      AgentRepository agents,
      TicketWorkflowGateway tickets,
      TransactionTemplate transaction) {
    this.assignments = assignments;
    this.agents = agents;
    this.tickets = tickets;
    this.transaction = transaction;
  }

  @Override
  public AssignmentPassResult assignWaitingTickets() {
    Instant nextFallback = transaction.execute(status -> decide());
    int assigned = 0;
    int refused = 0;
    int unsettled = 0;
    // Includes reservations an interrupted earlier pass left behind.
    for (Reservation reservation : assignments.reservations()) {
      switch (settle(reservation)) {
        case ACCEPTED -> assigned++;
        case REFUSED -> refused++;
        case UNKNOWN -> unsettled++;
      }
    }
    return new AssignmentPassResult(
        assigned, refused, unsettled, assignments.queueLength(), nextFallback);
  }

  /**
   * Reserves agents for as many waiting tickets as it can, and returns when a ticket still waiting
   * for a skilled member may next go to any member (null: none waits for one). Each round asks for
   * the tickets the agents with free capacity may take, in queue order, and gives each one to the
   * longest idle of them who may; a round whose later tickets lost their agents to earlier ones
   * asks again with the agents left, so a ticket of another group further down is never skipped.
   */
  private Instant decide() {
    assignments.lockForDecision();
    List<AgentSlot> candidates = new ArrayList<>(assignments.availableAgents());
    while (true) {
      List<AgentSlot> free = candidates.stream().filter(AgentSlot::hasFreeCapacity).toList();
      int freeSlots = free.stream().mapToInt(agent -> agent.capacity() - agent.load()).sum();
      if (freeSlots == 0) {
        break;
      }
      int reserved = 0;
      for (WaitingTicket ticket : assignments.assignableQueue(free, freeSlots)) {
        AgentSlot agent = pick(candidates, ticket);
        if (agent == null) {
          continue;
        }
        assignments.reserve(ticket.number(), agent.id(), ticket.version());
        reserved++;
        // The agent just took a ticket: idle since now, so the back of the line.
        candidates.remove(agent);
        candidates.add(agent.withOneMore());
      }
      if (reserved == 0) {
        break;
      }
    }
    return assignments.nextSkillFallback().map(OffsetDateTime::toInstant).orElse(null);
  }

  /**
   * The longest idle member of the ticket's group with a free slot, preferring members with every
   * skill it asks for; only those while it still waits for a skilled member.
   */
  public static AgentSlot pick(List<AgentSlot> candidates, WaitingTicket ticket) {
    AgentSlot anyMember = null;
    for (AgentSlot agent : candidates) {
      if (!agent.canTakeFrom(ticket.groupId())) {
        continue;
      }
      if (agent.hasAll(ticket.skills())) {
        return agent;
      }
      if (anyMember == null) {
        anyMember = agent;
      }
    }
    return ticket.skilledOnly() ? null : anyMember;
  }

  private enum Outcome {
    ACCEPTED,
    REFUSED,
    UNKNOWN
  }

  private Outcome settle(Reservation reservation) {
    AgentsRecord agent = agents.find(reservation.agentId()).orElseThrow();
    if (!agent.getActive()) {
      // Deactivated since the decision: the ticket stays in the queue for someone else.
      assignments.release(reservation.ticketNumber());
      return Outcome.REFUSED;
    }
    TicketUpdateRequest request =
        TicketUpdateRequest.by(Actor.SYSTEM, COMMENT)
            .expectedVersion(reservation.expectedVersion())
            .assignee(AssigneeChange.to(new AgentRef(agent.getId(), agent.getDisplayName(), true)))
            .build();
    try {
      tickets.existing(reservation.ticketNumber()).update(request);
      assignments.release(reservation.ticketNumber());
      return Outcome.ACCEPTED;
    } catch (WorkflowUpdateException | WorkflowNotFoundException refused) {
      // Changed meanwhile (version conflict), or not started yet: it waits for the next pass.
      assignments.release(reservation.ticketNumber());
      return Outcome.REFUSED;
    } catch (RuntimeException unknown) {
      log.warn(
          "Assignment of ticket #{} to agent #{} has no answer yet; the next pass retries it",
          reservation.ticketNumber(),
          reservation.agentId(),
          unknown);
      return Outcome.UNKNOWN;
    }
  }
}
