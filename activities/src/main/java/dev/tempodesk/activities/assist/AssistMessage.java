package dev.tempodesk.activities.assist;

import java.util.Objects;
import java.util.Set;

/**
 * One chat message of a prompt.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text, sent as it is
 */
public record AssistMessage(String role, String content) {

  public static final String SYSTEM = "system";
  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";
  private static final Set<String> ROLES = Set.of(SYSTEM, USER, ASSISTANT);

  public AssistMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("role must be system, user or assistant: " + role);
    }
  }

  public static AssistMessage system(String content) {
    return new AssistMessage(SYSTEM, content);
  }

  public static AssistMessage user(String content) {
    return new AssistMessage(USER, content);
  }

  public static AssistMessage assistant(String content) {
    return new AssistMessage(ASSISTANT, content);
  }

  /** Never the text: prompts hold customers' mail and must not end up in logs. */
  @Override
  public String toString() {
    return "AssistMessage[role=" + role + ", " + content.length() + " chars]";
  }
}
