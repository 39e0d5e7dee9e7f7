package dev.tempodesk.activities.assist;

import java.time.Instant;
import java.util.Objects;

/**
 * The model's answer to one prompt.
 *
 * @param content {@code choices[0].message.content}, as the model wrote it (for a JSON prompt: the
 *     JSON text, still to be parsed and checked by the caller)
 * @param model the model that answered, as the provider names it ({@code model} of the response)
 * @param answeredAt when the answer arrived
 * @param promptTokens {@code usage.prompt_tokens}, 0 when the provider does not say
 * @param completionTokens {@code usage.completion_tokens}, 0 when the provider does not say
 */
public record AssistAnswer(
    String content, String model, Instant answeredAt, int promptTokens, int completionTokens) {

  public AssistAnswer {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(answeredAt, "answeredAt");
  }

  @Override
  public String toString() {
    return "AssistAnswer[model=%s, answeredAt=%s, %d chars, promptTokens=%d, completionTokens=%d]"
        .formatted(model, answeredAt, content.length(), promptTokens, completionTokens);
  }
}
