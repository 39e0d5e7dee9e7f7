package dev.tempodesk.workflows.webhook;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One delivery of one webhook event to one subscription (a {@code webhook_deliveries} row): posts
 * it signed, retries with backoff for up to 24 hours, logs every attempt, and on final failure
 * counts it against the subscription (which is disabled, with a notice to admins, after repeated
 * failures). A redelivery is a new row and a new workflow.
 */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

  /** One workflow per delivery row, so starting it twice starts it once. */
  static String workflowId(long deliveryId) {
    return "webhook-delivery-" + deliveryId;
  }

  @WorkflowMethod
  void deliver(long deliveryId);
}
