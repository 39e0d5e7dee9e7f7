package dev.tempodesk.activities.assist;

/**
 * A language model behind an OpenAI-compatible chat-completions API. Implementations block the
 * calling thread (an activity's, never a web request's) for the whole call, including their own
 * bounded retries.
 */
@FunctionalInterface
public interface AssistModel {

  /**
   * Sends one prompt and returns the model's answer.
   *
   * @throws AssistFailure when no usable answer came; its {@link AssistFailure#kind() kind} says
   *     whether trying again later may help
   */
  AssistAnswer complete(AssistPrompt prompt);
}
