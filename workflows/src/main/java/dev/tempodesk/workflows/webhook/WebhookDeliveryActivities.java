package dev.tempodesk.workflows.webhook;

import io.temporal.activity.ActivityInterface;

/** The side effects of a webhook delivery. */
@ActivityInterface
public interface WebhookDeliveryActivities {

  /**
   * Posts the delivery once (unless its subscription was disabled or deleted meanwhile), logs the
   * attempt, and updates the delivery row — and, when it finishes, the subscription's failure
   * count. The receiver's answer is returned, never thrown, so a post is not repeated by an
   * activity retry (only a failure to record it is).
   */
  WebhookAttemptOutcome attempt(WebhookAttempt attempt);
}
