package dev.tempodesk.activities.attachment;

import dev.tempodesk.workflows.attachment.AttachmentFetchInput;
import dev.tempodesk.workflows.attachment.AttachmentFetchWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.UUID;

/**
 * Starts the fetching of an inbound message's files ({@link AttachmentFetchWorkflow}) without
 * waiting for it. Starting twice for one message is harmless: the second start collapses into the
 * running workflow, or finds nothing PENDING left.
 */
public interface AttachmentFetches {

  /** Fetches the message's PENDING files, in the background. */
  void start(UUID messageId);

  /** Fetches one file again (it was set back to PENDING by a person's "retry"). */
  void retry(UUID messageId, UUID attachmentId);

  /** Over Temporal, on the app's task queue. */
  static AttachmentFetches over(WorkflowClient client, String taskQueue) {
    return new AttachmentFetches() {
      @Override
      public void start(UUID messageId) {
        launch(
            AttachmentFetchWorkflow.workflowId(messageId.toString()),
            AttachmentFetchInput.message(messageId.toString()));
      }

      @Override
      public void retry(UUID messageId, UUID attachmentId) {
        launch(
            AttachmentFetchWorkflow.retryWorkflowId(attachmentId.toString()),
            new AttachmentFetchInput(messageId.toString(), attachmentId.toString()));
      }

      private void launch(String workflowId, AttachmentFetchInput input) {
        AttachmentFetchWorkflow workflow =
            client.newWorkflowStub(
                AttachmentFetchWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(taskQueue)
                    .setWorkflowId(workflowId)
                    .build());
        try {
          WorkflowClient.start(workflow::fetch, input);
        } catch (WorkflowExecutionAlreadyStarted running) {
          // the files are being fetched already
        }
      }
    };
  }
}
