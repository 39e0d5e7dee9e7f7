package dev.tempodesk.api.assist;

import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Tags;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A triage as stored and shown: only what passed the ticket's own rules. The model's JSON is read
 * for priority, tags, group and reason and nothing else (a "status" or any other field is ignored);
 * a priority that is not one of the four, a tag the tag rules refuse and a group that does not
 * exist are dropped.
 */
@Schema(description = "Suggested priority, tags and group, each already checked")
public record TriageSuggestion(
    @Schema(nullable = true) Priority priority,
    List<String> tags,
    @Schema(nullable = true) Long groupId,
    @Schema(nullable = true) String groupName,
    String reason) {
  static final int MAX_TAGS = 5;
  static final int REASON_CHARS = 300;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Thrown for an answer that is not a JSON object or suggests nothing usable. */
  static class Unusable extends RuntimeException {
    Unusable(String message) {
      super(message);
    }
  }

  /**
   * @param groups the existing groups by lower-case name
   */
  static TriageSuggestion parse(String answer, Map<String, Group> groups) {
    JsonNode json;
    try {
      json = JSON.readTree(stripFence(answer));
    } catch (JacksonException e) {
      throw new Unusable("The triage answer is not JSON.");
    }
    if (json == null || !json.isObject()) {
      throw new Unusable("The triage answer is not a JSON object.");
    }
    Priority priority = null;
    if (json.path("priority").isString()) {
      try {
        priority =
            Priority.valueOf(json.get("priority").asString().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        priority = null;
      }
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : json.path("tags")) {
      if (tag.isString() && tags.size() < MAX_TAGS) {
        try {
          String normalized = Tags.normalize(tag.asString());
          if (!tags.contains(normalized)) {
            tags.add(normalized);
          }
        } catch (IllegalArgumentException refused) {
          // a tag the ticket would refuse is not suggested
        }
      }
    }
    Group group =
        json.path("group").isString()
            ? groups.get(json.get("group").asString().strip().toLowerCase(Locale.ROOT))
            : null;
    String reason =
        json.path("reason").isString()
            ? AssistPrompts.cut(json.get("reason").asString().strip(), REASON_CHARS)
            : "";
    if (priority == null && tags.isEmpty() && group == null) {
      throw new Unusable("The triage answer suggests no known priority, tag or group.");
    }
    return new TriageSuggestion(
        priority,
        List.copyOf(tags),
        group == null ? null : group.id(),
        group == null ? null : group.name(),
        reason);
  }

  record Group(long id, String name) {}

  String toJson() {
    return JSON.writeValueAsString(this);
  }

  static TriageSuggestion fromJson(String json) {
    return JSON.readValue(json, TriageSuggestion.class);
  }

  /** Some models wrap JSON in a Markdown code fence. */
  private static String stripFence(String answer) {
    String text = answer.strip();
    if (text.startsWith("```")) {
      text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
    }
    return text;
  }
}
