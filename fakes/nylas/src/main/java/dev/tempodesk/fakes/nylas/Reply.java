package dev.tempodesk.fakes.nylas;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A complete HTTP answer, so idempotent sends can store and replay it byte for byte. */
record Reply(int status, Map<String, String> headers, byte[] body) {
  static final String JSON = "application/json; charset=utf-8";

  Reply {
    headers = Map.copyOf(headers);
  }

  /** JSON with {@code x-request-id} taken from the body's {@code request_id}. */
  static Reply json(int status, JsonNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", JSON);
    String requestId = NylasJson.text(body, "request_id");
    if (requestId != null) {
      headers.put("x-request-id", requestId);
    }
    return new Reply(status, headers, NylasJson.MAPPER.writeValueAsBytes(body));
  }

  static Reply error(int status, String requestId, String type, String message) {
    return json(status, NylasJson.error(requestId, type, message));
  }

  static Reply text(int status, String contentType, String body) {
    return new Reply(
        status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  /** A binary body, such as an attachment's bytes. */
  static Reply bytes(int status, String contentType, byte[] body) {
    return new Reply(status, Map.of("Content-Type", contentType), body);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body);
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
