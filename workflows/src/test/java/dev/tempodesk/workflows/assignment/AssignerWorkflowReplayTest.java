package dev.tempodesk.workflows.assignment;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/** Replays a recorded assigner run; see src/test/resources/histories/README.md. */
class AssignerWorkflowReplayTest {

  @Test
  void shouldReplayFirstRunWithRetryWakeUpsSafetyNetAndContinueAsNew() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/assigner-v1.json", AssignerWorkflowImpl.class);
  }
}
