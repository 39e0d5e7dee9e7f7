package dev.tempodesk.bench.assignment;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.api.assignment.AssignmentDesk;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * Tempodesk's side of B4, on the rig of the api's assignment tests: ticket workflows and the
 * assigner workflow on the real-time in-memory Temporal server. An agent's close goes to the ticket
 * workflow as an update; its store activity commits and wakes the assigner, whose pass decides
 * under the lock, reserves, and asks the next ticket's workflow to accept the agent, which writes
 * the assignment.
 */
final class WorkflowRefill {
  private WorkflowRefill() {}

  /**
   * @param groups 1: every agent and ticket in the default group (as before groups); 3: three
   *     groups, agents 0–2 a member of one each, agents 3 and 4 of all three, tickets opened in the
   *     groups in turn
   */
  static Samples run(TestJooq jooq, int closes, int groups) {
    try (AssignmentDesk desk = new AssignmentDesk(jooq)) {
      long[] groupIds = new long[groups];
      groupIds[0] = desk.defaultGroup();
      for (int g = 1; g < groups; g++) {
        groupIds[g] = desk.group("Group " + g, 600);
      }
      for (int i = 0; i < Desk.AGENTS; i++) {
        AgentsRecord agent = desk.agent("Agent" + i, 1, true);
        if (groups > 1) {
          desk.memberOf(agent, i < groups ? new long[] {groupIds[i]} : groupIds);
        }
      }
      // A little more than the closes take, so no group runs dry for its own members.
      for (int i = 0; i < Desk.queueLength(closes); i++) {
        if (groups == 1) {
          desk.open(Priority.NORMAL, "waiting " + i);
        } else {
          desk.open(Priority.NORMAL, "waiting " + i, groupIds[i % groups]);
        }
      }
      desk.startAssigner(500);
      require(
          AssignmentDesk.within(Duration.ofSeconds(60), () -> desk.openCount() == Desk.AGENTS),
          "the first tickets were not assigned");
      Samples latency = new Samples();
      for (int close = 1; close <= closes; close++) {
        Desk.Held held = Desk.longestHeld(jooq.dsl());
        int closed = close;
        Instant start = Instant.now();
        desk.close(held.number(), Actor.agent(held.agentId(), "Agent"));
        require(
            AssignmentDesk.within(
                Duration.ofSeconds(30),
                () -> closedCount(jooq) == closed && desk.openCount() == Desk.AGENTS),
            "the slot freed by closing #" + held.number() + " was not refilled");
        latency.add(
            Duration.between(start, Desk.lastAssignmentRecordedAt(jooq.dsl())).toNanos() / 1e6);
      }
      return latency;
    }
  }

  private static int closedCount(TestJooq jooq) {
    return jooq.dsl().fetchCount(TICKETS, TICKETS.STATUS.eq("CLOSED"));
  }

  private static void require(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException(failure);
    }
  }
}
