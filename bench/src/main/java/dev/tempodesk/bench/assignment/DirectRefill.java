package dev.tempodesk.bench.assignment;

import dev.tempodesk.activities.assignment.AssignerActivitiesImpl;
import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.TicketOpener;
import dev.tempodesk.db.assignment.AgentSlot;
import dev.tempodesk.db.assignment.AssignmentRepository;
import dev.tempodesk.db.assignment.WaitingTicket;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AgentRef;
import dev.tempodesk.workflows.ticket.AssigneeChange;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import dev.tempodesk.workflows.ticket.TicketUpdatePlan;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * B4's baseline: the same close and the same decision in one plain transaction, no workflows. (1)
 * The close: the ticket rules the workflow applies, written by the store code its activity runs
 * (projection row and audit event). (2) The assigner's decision lock (advisory lock, agent rows FOR
 * UPDATE) and its queries: available agents with their load, longest idle first, and the head of
 * the waiting queue. (3) The assignment: the same rules and the same writes. Commit. No reservation
 * is needed: nothing happens outside the transaction.
 */
final class DirectRefill {
  private final TestJooq jooq;
  private final TicketRepository tickets;
  private final AssignmentRepository assignments;
  private final TicketStoreActivitiesImpl store;
  private final TicketPolicy policy = TicketPolicy.defaults();

  private DirectRefill(TestJooq jooq) {
    this.jooq = jooq;
    this.tickets = new TicketRepository(jooq.dsl());
    this.assignments = new AssignmentRepository(jooq.dsl());
    this.store =
        new TicketStoreActivitiesImpl(
            tickets,
            new TicketEventRepository(jooq.dsl()),
            jooq.transactions(),
            JsonMapper.builder().build());
  }

  static Samples run(TestJooq jooq, int closes) throws InterruptedException {
    return new DirectRefill(jooq).closeAndRefill(closes);
  }

  private Samples closeAndRefill(int closes) throws InterruptedException {
    AgentRepository agents = new AgentRepository(jooq.dsl());
    for (int i = 0; i < Desk.AGENTS; i++) {
      agents.insert("agent" + i + "@desk.example", "Agent" + i, "AGENT", 1);
    }
    ContactsRecord reporter =
        new ContactRepository(jooq.dsl())
            .findOrCreate("waiting@customer.example", "Wanda Waiting", null);
    new TicketOpener(jooq, Clock.systemUTC(), policy.sla())
        .open(Desk.queueLength(closes), 1, i -> reporter, null, row -> {});
    for (int i = 0; i < Desk.AGENTS; i++) {
      jooq.transactions().executeWithoutResult(status -> assignNext());
    }
    Samples latency = new Samples();
    for (int close = 0; close < closes; close++) {
      Desk.Held held = Desk.longestHeld(jooq.dsl());
      Instant start = Instant.now();
      jooq.transactions()
          .executeWithoutResult(
              status -> {
                apply(
                    held.number(),
                    TicketUpdateRequest.by(Actor.agent(held.agentId(), "Agent"), "Solved")
                        .status(TicketStatus.CLOSED)
                        .build());
                assignNext();
              });
      latency.add(
          Duration.between(start, Desk.lastAssignmentRecordedAt(jooq.dsl())).toNanos() / 1e6);
    }
    return latency;
  }

  /** The assigner's decision for one free slot, applied at once. */
  private void assignNext() {
    assignments.lockForDecision();
    List<AgentSlot> candidates = assignments.availableAgents();
    List<AgentSlot> free = candidates.stream().filter(AgentSlot::hasFreeCapacity).toList();
    List<WaitingTicket> head = assignments.assignableQueue(free, 1);
    if (head.isEmpty()) {
      throw new IllegalStateException("the queue ran dry");
    }
    AgentSlot agent = AssignerActivitiesImpl.pick(candidates, head.getFirst());
    apply(
        head.getFirst().number(),
        TicketUpdateRequest.by(Actor.SYSTEM, AssignerActivitiesImpl.COMMENT)
            .expectedVersion(head.getFirst().version())
            .assignee(AssigneeChange.to(new AgentRef(agent.id(), agent.displayName(), true)))
            .build());
  }

  /** What the ticket workflow's update does, minus the workflow: rules, SLA clocks, writes. */
  private void apply(long number, TicketUpdateRequest request) {
    TicketsRecord row = tickets.find(number).orElseThrow();
    TicketState state = TicketRows.toState(row, null);
    Instant now = Instant.now();
    TicketUpdatePlan plan = TicketUpdateRules.plan(state, request, now, policy);
    TicketState next = plan.next();
    TicketSla.follow(state, next, policy.sla(), now);
    store.recordChange(
        new TicketChangeRecord(
            next.copy(),
            new TicketEvent(
                UUID.randomUUID().toString(),
                TicketEvent.Kind.UPDATED,
                request.actor(),
                request.comment(),
                plan.changes(),
                now)));
  }
}
