package dev.tempodesk.fakes.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code POST /v1/chat/completions} body: what the fake needs of it. Invalid bodies
 * answer 400 {@code invalid_request_error} naming the parameter, as the real API does.
 */
record ChatRequest(String model, List<Message> messages, Integer maxTokens, boolean json) {

  record Message(String role, String content) {}

  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");

  /** A request the API refuses; the answer is its {@link #status} and error body. */
  static final class Invalid extends RuntimeException {
    final int status;
    final String param;
    final String code;

    Invalid(int status, String message, String param, String code) {
      super(message);
      this.status = status;
      this.param = param;
      this.code = code;
    }
  }

  static ChatRequest parse(byte[] body) {
    JsonNode json;
    try {
      json = OpenAiJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw invalid(
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't"
              + " using your HTTP library correctly.)",
          null);
    }
    if (json == null || !json.isObject()) {
      throw invalid("The request body must be a JSON object.", null);
    }
    JsonNode model = json.get("model");
    if (model == null || !model.isString() || model.asString().isBlank()) {
      throw invalid("you must provide a model parameter", "model");
    }
    JsonNode messages = json.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw invalid("'messages' must be a non-empty array.", "messages");
    }
    List<Message> parsed = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      JsonNode role = message.get("role");
      JsonNode content = message.get("content");
      if (role == null || !role.isString() || !ROLES.contains(role.asString())) {
        throw invalid("Invalid value for 'role'.", "messages[" + i + "].role");
      }
      if (content == null || !content.isString()) {
        throw invalid(
            "Invalid type for 'content': expected a string.", "messages[" + i + "].content");
      }
      parsed.add(new Message(role.asString(), content.asString()));
    }
    Integer maxTokens = null;
    JsonNode max = json.get("max_tokens");
    if (max != null && !max.isNull()) {
      if (!max.isIntegralNumber() || max.asInt() < 1) {
        throw invalid("Invalid 'max_tokens': expected an integer of at least 1.", "max_tokens");
      }
      maxTokens = max.asInt();
    }
    JsonNode stream = json.get("stream");
    if (stream != null && stream.asBoolean(false)) {
      throw invalid("This fake does not stream; send stream=false.", "stream");
    }
    boolean jsonObject = false;
    JsonNode format = json.get("response_format");
    if (format != null && !format.isNull()) {
      String type = format.path("type").asString("");
      if (!Set.of("text", "json_object").contains(type)) {
        throw invalid("Invalid value for 'response_format.type'.", "response_format.type");
      }
      jsonObject = type.equals("json_object");
    }
    if (jsonObject
        && parsed.stream().noneMatch(m -> m.content().toLowerCase(Locale.ROOT).contains("json"))) {
      throw invalid(
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type"
              + " 'json_object'.",
          "messages");
    }
    return new ChatRequest(model.asString(), List.copyOf(parsed), maxTokens, jsonObject);
  }

  private static Invalid invalid(String message, String param) {
    return new Invalid(400, message, param, null);
  }

  /** The system (and developer) messages, joined. */
  String instructions() {
    return String.join(
        "\n",
        messages.stream()
            .filter(m -> m.role().equals("system") || m.role().equals("developer"))
            .map(Message::content)
            .toList());
  }

  /** The user and assistant messages, in order. */
  List<Message> conversation() {
    return messages.stream()
        .filter(m -> m.role().equals("user") || m.role().equals("assistant"))
        .toList();
  }
}
