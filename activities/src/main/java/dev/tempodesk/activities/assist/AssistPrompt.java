package dev.tempodesk.activities.assist;

import java.util.List;
import java.util.Objects;

/**
 * What one call asks of the model.
 *
 * @param purpose what the prompt is for, e.g. {@code summary}, {@code draft}, {@code triage}; only
 *     logged and counted, never sent
 * @param messages the chat, at least one message, in order
 * @param maxTokens the longest answer in tokens ({@code max_tokens}), or null for the provider's
 *     default
 * @param json whether to ask for a JSON object ({@code response_format: {"type":"json_object"}});
 *     the messages must then say which object (OpenAI requires the word "JSON" in them)
 */
public record AssistPrompt(
    String purpose, List<AssistMessage> messages, Integer maxTokens, boolean json) {

  public AssistPrompt {
    Objects.requireNonNull(purpose, "purpose");
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a prompt needs at least one message");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1: " + maxTokens);
    }
  }

  /** Never the messages' text (see {@link AssistMessage#toString()}). */
  @Override
  public String toString() {
    return "AssistPrompt[purpose=%s, messages=%s, maxTokens=%s, json=%s]"
        .formatted(purpose, messages, maxTokens, json);
  }
}
