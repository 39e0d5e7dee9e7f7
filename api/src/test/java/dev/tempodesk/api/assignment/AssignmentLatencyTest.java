package dev.tempodesk.api.assignment;

import static dev.tempodesk.api.assignment.AssignmentDesk.within;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How soon the next waiting ticket is assigned after an agent closes one, in real time: 5 agents of
 * capacity 1 and a queue of 100 waiting tickets; 100 times, one agent closes their ticket and the
 * clock runs from the close request until Postgres shows the next assignment. Reported, and every
 * freed slot must be refilled (within 5 s, far above the goal, so a slow shared machine does not
 * fail the build; the goal itself is p99 &lt; 1 s).
 */
class AssignmentLatencyTest {
  private static final int AGENTS = 5;
  private static final int EVENTS = 100;

  @Test
  void shouldRefillEveryFreedSlotAndReportTheLatency() {
    try (AssignmentDesk desk = new AssignmentDesk()) {
      List<AgentsRecord> agents = new ArrayList<>();
      for (int i = 0; i < AGENTS; i++) {
        agents.add(desk.agent("Agent" + i, 1, true));
      }
      for (int i = 0; i < AGENTS + EVENTS; i++) {
        desk.open(Priority.NORMAL, "waiting " + i);
      }
      desk.startAssigner(500);
      assertThat(within(Duration.ofSeconds(20), () -> desk.openCount() == AGENTS)).isTrue();

      List<Long> millis = new ArrayList<>();
      for (int event = 0; event < EVENTS; event++) {
        var held =
            desk.jooq
                .dsl()
                .select(TICKETS.NUMBER, TICKETS.ASSIGNEE_ID)
                .from(TICKETS)
                .where(TICKETS.STATUS.eq("OPEN"))
                .orderBy(TICKETS.ASSIGNED_AT)
                .limit(1)
                .fetchSingle();
        int closedBefore = closedCount(desk);
        long start = System.nanoTime();
        desk.close(held.value1(), Actor.agent(held.value2(), "Agent"));
        boolean refilled =
            within(
                Duration.ofSeconds(5),
                () -> closedCount(desk) == closedBefore + 1 && desk.openCount() == AGENTS);
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(refilled).as("slot freed by closing #%d refilled", held.value1()).isTrue();
        millis.add(elapsed);
      }

      millis.sort(Long::compare);
      System.out.printf(
          "auto-assignment latency over %d closes (close request → next assignment visible in"
              + " Postgres): p50 %d ms, p99 %d ms, max %d ms%n",
          millis.size(), percentile(millis, 0.50), percentile(millis, 0.99), millis.getLast());
      assertThat(desk.assignments.queueLength()).isZero();
    }
  }

  private static int closedCount(AssignmentDesk desk) {
    return desk.jooq.dsl().fetchCount(TICKETS, TICKETS.STATUS.eq("CLOSED"));
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
