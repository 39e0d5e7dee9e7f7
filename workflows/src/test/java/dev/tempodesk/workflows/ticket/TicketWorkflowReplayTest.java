package dev.tempodesk.workflows.ticket;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays histories recorded from earlier versions of the ticket workflow. A failure here means the
 * change would break workflows that are already running: guard it with {@code Workflow.getVersion}
 * instead of re-recording (see src/test/resources/histories/README.md).
 */
class TicketWorkflowReplayTest {

  @Test
  void shouldReplayTicketLifecycleHistory() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-lifecycle-v1.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayFirstRunUpToContinueAsNew() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-continue-as-new-v1.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayTicketLifecycleHistoryWithSlaClocks() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-lifecycle-v2.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayFirstRunUpToContinueAsNewWithSlaClocks() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-continue-as-new-v2.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplaySlaAlarmsEscalationAndPauseHistory() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-sla-v2.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayTicketLifecycleHistoryWithNotifications() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-lifecycle-v3.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayFirstRunUpToContinueAsNewWithNotifications() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-continue-as-new-v3.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplaySlaAlarmsHistoryWithNotifications() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-sla-v3.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayHistoriesWithTheOutbox() throws Exception {
    for (String name :
        new String[] {"lifecycle-v3-outbound", "continue-as-new-v3-outbound", "sla-v3-outbound"}) {
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/ticket-" + name + ".json", TicketWorkflowImpl.class);
    }
  }

  @Test
  void shouldReplayHistoriesWithNotificationsAndTheOutbox() throws Exception {
    for (String name : new String[] {"lifecycle", "continue-as-new", "sla", "replies"}) {
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/ticket-" + name + "-v4.json", TicketWorkflowImpl.class);
    }
  }

  @Test
  void shouldReplayHistoriesWithSlaPolicies() throws Exception {
    for (String name : new String[] {"lifecycle", "continue-as-new", "sla-policies"}) {
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/ticket-" + name + "-v5.json", TicketWorkflowImpl.class);
    }
  }

  @Test
  void shouldReplayPoliciesWithAlarmsWrittenByLocalActivities() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-sla-policies-v6.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplaySlaAlarmsWrittenByLocalActivities() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-sla-local-alarm-writes.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayTagChanges() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-tags-v1.json", TicketWorkflowImpl.class);
  }

  @Test
  void shouldReplayGroupMoves() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ticket-groups-v1.json", TicketWorkflowImpl.class);
  }
}
