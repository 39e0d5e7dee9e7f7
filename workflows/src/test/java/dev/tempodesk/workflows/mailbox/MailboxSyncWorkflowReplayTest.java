package dev.tempodesk.workflows.mailbox;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/** Replays a recorded mailbox sync run; see src/test/resources/histories/README.md. */
class MailboxSyncWorkflowReplayTest {

  @Test
  void shouldReplayFirstRunWithRetriedPassPollTimerPokeAndContinueAsNew() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "mailbox-replay",
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationTypes(MailboxSyncWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/mailbox-sync-v1.json", worker);
    }
  }
}
