package dev.tempodesk.workflows.ticket;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/**
 * Replays histories recorded from earlier versions of the ticket workflow. A failure here means the
 * change would break workflows that are already running: guard it with {@code Workflow.getVersion}
 * instead of re-recording (see src/test/resources/histories/README.md).
 */
class TicketWorkflowReplayTest {

  @Test
  void shouldReplayTicketLifecycleHistory() throws Exception {
    replay("histories/ticket-lifecycle-v1.json");
  }

  @Test
  void shouldReplayFirstRunUpToContinueAsNew() throws Exception {
    replay("histories/ticket-continue-as-new-v1.json");
  }

  @Test
  void shouldReplayTicketLifecycleHistoryWithSlaClocks() throws Exception {
    replay("histories/ticket-lifecycle-v2.json");
  }

  @Test
  void shouldReplayFirstRunUpToContinueAsNewWithSlaClocks() throws Exception {
    replay("histories/ticket-continue-as-new-v2.json");
  }

  @Test
  void shouldReplaySlaAlarmsEscalationAndPauseHistory() throws Exception {
    replay("histories/ticket-sla-v2.json");
  }

  @Test
  void shouldReplayTicketLifecycleHistoryWithNotifications() throws Exception {
    replay("histories/ticket-lifecycle-v3.json");
  }

  @Test
  void shouldReplayFirstRunUpToContinueAsNewWithNotifications() throws Exception {
    replay("histories/ticket-continue-as-new-v3.json");
  }

  @Test
  void shouldReplaySlaAlarmsHistoryWithNotifications() throws Exception {
    replay("histories/ticket-sla-v3.json");
  }

  @Test
  void shouldReplayHistoriesWithTheOutbox() throws Exception {
    for (String name :
        new String[] {"lifecycle-v3-outbound", "continue-as-new-v3-outbound", "sla-v3-outbound"}) {
      replay("histories/ticket-" + name + ".json");
    }
  }

  @Test
  void shouldReplayHistoriesWithNotificationsAndTheOutbox() throws Exception {
    for (String name : new String[] {"lifecycle", "continue-as-new", "sla", "replies"}) {
      replay("histories/ticket-" + name + "-v4.json");
    }
  }

  @Test
  void shouldReplayHistoriesWithSlaPolicies() throws Exception {
    for (String name : new String[] {"lifecycle", "continue-as-new", "sla-policies"}) {
      replay("histories/ticket-" + name + "-v5.json");
    }
  }

  @Test
  void shouldReplayPoliciesWithAlarmsWrittenByLocalActivities() throws Exception {
    replay("histories/ticket-sla-policies-v6.json");
  }

  @Test
  void shouldReplaySlaAlarmsWrittenByLocalActivities() throws Exception {
    replay("histories/ticket-sla-local-alarm-writes.json");
  }

  @Test
  void shouldReplayTagChanges() throws Exception {
    replay("histories/ticket-tags-v1.json");
  }

  @Test
  void shouldReplayGroupMoves() throws Exception {
    replay("histories/ticket-groups-v1.json");
  }

  /**
   * Replays one recorded history. The deadlock detector gets 30 s, as in the other replay tests:
   * the first replay in a JVM loads the workflow's classes, which on a busy CI machine took over
   * the default 1 s and failed a replay that was fine.
   */
  private static void replay(String resource) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "ticket-replay",
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecutionFromResource(resource, worker);
    }
  }
}
