package dev.tempodesk.workflows.assist;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * Asks once (with the activity's retries for a busy or unreachable provider), asks once more for an
 * answer that was not the shape asked for, then stores what came or returns why nothing did. A
 * triage asked by Tempodesk itself is then applied when the admin turned auto-apply on.
 */
public class AssistWorkflowImpl implements AssistWorkflow {
  /** Failure kinds worth trying again after a pause. */
  public static final List<String> RETRIED = List.of("RATE_LIMITED", "UNAVAILABLE");

  /** A second call for an answer that was not the JSON (or shape) asked for. */
  static final String MALFORMED = "MALFORMED";

  /** Attempts at one call while the provider is busy or unreachable. */
  public static final int ATTEMPTS = 4;

  static final ActivityOptions MODEL_CALL =
      ActivityOptions.newBuilder()
          // The client's own timeout (TEMPODESK_ASSIST_TIMEOUT) and in-call retries fit in this.
          .setStartToCloseTimeout(Duration.ofMinutes(3))
          .setScheduleToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(5))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(ATTEMPTS)
                  .setDoNotRetry(MALFORMED, "REFUSED", AssistOutcome.OFF)
                  .build())
          .build();

  static final ActivityOptions WRITE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(5)
                  .build())
          .build();

  private final AssistActivities model =
      Workflow.newActivityStub(AssistActivities.class, MODEL_CALL);
  private final AssistActivities writes = Workflow.newActivityStub(AssistActivities.class, WRITE);

  @Override
  public AssistOutcome run(AssistRequest request) {
    Long resultId;
    try {
      resultId = suggest(request);
    } catch (ActivityFailure failure) {
      return AssistOutcome.failed(kind(failure), message(failure));
    }
    boolean applied = false;
    if (resultId != null && request.automatic() && request.kind() == AssistKind.TRIAGE) {
      applied = writes.autoApply(resultId);
    }
    return AssistOutcome.written(resultId, applied);
  }

  private Long suggest(AssistRequest request) {
    try {
      return model.suggest(request);
    } catch (ActivityFailure failure) {
      if (!MALFORMED.equals(kind(failure))) {
        throw failure;
      }
      return model.suggest(request);
    }
  }

  private static String kind(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure cause ? cause.getType() : "UNAVAILABLE";
  }

  private static String message(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure cause
        ? cause.getOriginalMessage()
        : "The model did not answer in time.";
  }
}
