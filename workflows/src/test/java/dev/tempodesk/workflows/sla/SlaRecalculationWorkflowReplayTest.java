package dev.tempodesk.workflows.sla;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/** Replays a recorded recalculation run; see src/test/resources/histories/README.md. */
class SlaRecalculationWorkflowReplayTest {

  @Test
  void shouldReplayFirstRunWithRetriesAnEndedTicketAndContinueAsNew() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "sla-recalc-replay",
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationTypes(SlaRecalculationWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/sla-recalculation-v1.json", worker);
    }
  }
}
