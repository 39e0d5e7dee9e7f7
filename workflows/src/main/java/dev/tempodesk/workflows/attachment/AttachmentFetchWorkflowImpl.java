package dev.tempodesk.workflows.attachment;

import dev.tempodesk.workflows.NylasCallBudget;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * Files one after the other, each with its own bounded retries: a file that keeps failing ends
 * FAILED with the last error and the others are still fetched.
 */
public class AttachmentFetchWorkflowImpl implements AttachmentFetchWorkflow {
  /** Attempts at one file (each with the Nylas client's own retries inside) before FAILED. */
  public static final int FETCH_ATTEMPTS = 4;

  private static final ActivityOptions FETCH_OPTIONS =
      ActivityOptions.newBuilder()
          // One download (retried inside the client), a policy check and a store write.
          .setStartToCloseTimeout(NylasCallBudget.startToClose(1))
          .setHeartbeatTimeout(NylasCallBudget.HEARTBEAT_TIMEOUT)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(10))
                  .setBackoffCoefficient(3)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .setMaximumAttempts(FETCH_ATTEMPTS)
                  .build())
          .build();

  private static final ActivityOptions BOOKKEEPING =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  private final AttachmentFetchActivities fetch =
      Workflow.newActivityStub(AttachmentFetchActivities.class, FETCH_OPTIONS);
  private final AttachmentFetchActivities rows =
      Workflow.newActivityStub(AttachmentFetchActivities.class, BOOKKEEPING);

  @Override
  public void fetch(AttachmentFetchInput input) {
    List<String> files =
        input.attachmentId() != null
            ? List.of(input.attachmentId())
            : rows.pendingAttachments(input.messageId());
    for (String file : files) {
      try {
        fetch.fetchAttachment(file);
      } catch (ActivityFailure failed) {
        rows.markFailed(file, reason(failed));
      }
    }
  }

  /** The innermost error's message: what went wrong on the last attempt. */
  static String reason(ActivityFailure failed) {
    Throwable cause = failed.getCause();
    if (cause instanceof ApplicationFailure application
        && application.getOriginalMessage() != null
        && !application.getOriginalMessage().isBlank()) {
      return application.getOriginalMessage();
    }
    return cause == null ? failed.getMessage() : String.valueOf(cause.getMessage());
  }
}
