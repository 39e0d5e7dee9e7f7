package dev.tempodesk.workflows.assist;

import io.temporal.activity.ActivityInterface;

/**
 * The model call and the writes of assist. A failed model call is an {@code ApplicationFailure}
 * whose type is the client's failure kind ({@link AssistWorkflowImpl#RETRIED} are retried with
 * backoff, honouring the provider's Retry-After; {@code MALFORMED} once more; {@code REFUSED} and
 * {@link AssistOutcome#OFF} never).
 */
@ActivityInterface
public interface AssistActivities {

  /**
   * Builds the prompt from the ticket as it is now, asks the model, checks the answer and stores
   * it.
   *
   * @return the stored suggestion's id; null when nothing was needed (an automatic summary of a
   *     short thread, or of one summarised up to its last message)
   */
  Long suggest(AssistRequest request);

  /**
   * Applies a stored triage suggestion through the ticket workflow's update when the admin turned
   * auto-apply on, audited "suggested by assist"; false when the setting is off or the suggestion
   * changes nothing.
   */
  boolean autoApply(long resultId);
}
