package dev.tempodesk.workflows.webhook;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Attempts a delivery until it is delivered, fails for good or is cancelled: one activity per
 * attempt, a durable timer between attempts (the pauses of {@link WebhookRetrySchedule}), so the
 * history stays small (about eleven events per attempt) over the whole 24 hours.
 */
public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {

  /**
   * The post itself is bounded by the sender's timeouts (well under a minute). An activity failure
   * is a failure to reach the database, not the receiver: tried again until it works.
   */
  static final ActivityOptions ATTEMPT =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(5))
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .build())
          .build();

  private final WebhookDeliveryActivities activities =
      Workflow.newActivityStub(WebhookDeliveryActivities.class, ATTEMPT);

  @Override
  public void deliver(long deliveryId) {
    long firstAttempt = Workflow.currentTimeMillis();
    for (int attempt = 1; ; attempt++) {
      long elapsed = Workflow.currentTimeMillis() - firstAttempt;
      WebhookAttemptOutcome outcome =
          activities.attempt(new WebhookAttempt(deliveryId, attempt, elapsed));
      if (!outcome.retrying()) {
        return;
      }
      Workflow.sleep(Duration.ofMillis(outcome.pauseMillis()));
    }
  }
}
