package dev.tempodesk.workflows.assignment;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/** Replays a recorded assigner run; see src/test/resources/histories/README.md. */
class AssignerWorkflowReplayTest {

  @Test
  void shouldReplayFirstRunWithRetryWakeUpsSafetyNetAndContinueAsNew() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // A cold JVM on a busy build machine can hold the replay thread past the default 1-second
      // deadlock detector; a determinism break fails either way.
      Worker worker =
          env.newWorker(
              "assigner-replay",
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationTypes(AssignerWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecutionFromResource("histories/assigner-v1.json", worker);
    }
  }

  @Test
  void shouldReplayARunWhoseSkillFallbackTimerRanAPass() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "assigner-replay",
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationTypes(AssignerWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/assigner-v2-skill-fallback.json", worker);
    }
  }
}
