package dev.tempodesk.fakes.openai;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A request as it reached the fake, before any answer: method, path, headers (names
 * case-insensitive) and body, so a client's tests can check what was sent to the model.
 */
public final class RecordedRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.path = path;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
  }

  public String method() {
    return method;
  }

  /** The path as sent, without the query, e.g. {@code /v1/chat/completions}. */
  public String path() {
    return path;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of the header (name case-insensitive), or null if it was not sent. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; a missing node for a body that is not JSON. */
  public JsonNode json() {
    try {
      JsonNode json = OpenAiJson.MAPPER.readTree(body);
      return json == null ? OpenAiJson.MAPPER.missingNode() : json;
    } catch (JacksonException e) {
      return OpenAiJson.MAPPER.missingNode();
    }
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
