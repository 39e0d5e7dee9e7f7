package dev.tempodesk.workflows.webhook;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;

/** Replays a recorded delivery; see src/test/resources/histories/README.md. */
class WebhookDeliveryWorkflowReplayTest {

  @Test
  void shouldReplayADeliveryThatFailedTwiceThenWasDelivered() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("webhook-delivery-replay");
      worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/webhook-delivery-v1.json", worker);
    }
  }
}
