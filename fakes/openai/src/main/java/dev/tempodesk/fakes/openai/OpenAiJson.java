package dev.tempodesk.fakes.openai;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI chat-completions JSON shapes (snake_case, Unix seconds). */
final class OpenAiJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private OpenAiJson() {}

  /**
   * {@code {"id","object":"chat.completion","created","model","system_fingerprint","choices":[
   * {"index":0,"message":{"role":"assistant","content","refusal":null},"logprobs":null,
   * "finish_reason"}],"usage":{"prompt_tokens","completion_tokens","total_tokens"}}}.
   */
  static ObjectNode completion(
      String id,
      long created,
      String model,
      String content,
      String finishReason,
      int promptTokens,
      int completionTokens) {
    ObjectNode json = envelope(id, created, model);
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    ObjectNode usage = json.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completionTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
    return json;
  }

  /** A completion with an empty {@code choices} array and no usage. */
  static ObjectNode noChoices(String id, long created, String model) {
    ObjectNode json = envelope(id, created, model);
    json.putArray("choices");
    return json;
  }

  private static ObjectNode envelope(String id, long created, String model) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", id);
    json.put("object", "chat.completion");
    json.put("created", created);
    json.put("model", model);
    json.put("system_fingerprint", "fp_tempodesk_fake");
    return json;
  }

  /** {@code {"error":{"message","type","param","code"}}}; null param and code are sent as null. */
  static ObjectNode error(String message, String type, String param, String code) {
    ObjectNode json = MAPPER.createObjectNode();
    ObjectNode error = json.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    return json;
  }

  /** {@code GET /v1/models}: {@code {"object":"list","data":[{"id","object":"model",...}]}}. */
  static ObjectNode models(List<String> ids, long created) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("object", "list");
    ArrayNode data = json.putArray("data");
    for (String id : ids) {
      ObjectNode model = data.addObject();
      model.put("id", id);
      model.put("object", "model");
      model.put("created", created);
      model.put("owned_by", "tempodesk-fake");
    }
    return json;
  }
}
