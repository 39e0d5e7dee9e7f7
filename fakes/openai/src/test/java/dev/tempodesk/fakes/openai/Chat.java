package dev.tempodesk.fakes.openai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A plain JDK HTTP client for the fake's tests, so they test the wire, not a Tempodesk client. */
final class Chat {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Chat() {}

  static ObjectNode body(String model, String system, String user) {
    ObjectNode body = OpenAiJson.MAPPER.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    return body;
  }

  static HttpResponse<String> post(FakeOpenAiServer server, JsonNode body, String key) {
    return post(server, OpenAiJson.MAPPER.writeValueAsString(body), key);
  }

  static HttpResponse<String> post(FakeOpenAiServer server, String body, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return send(request.build());
  }

  static HttpResponse<String> get(FakeOpenAiServer server, String path) {
    return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build());
  }

  static JsonNode json(HttpResponse<String> response) {
    return OpenAiJson.MAPPER.readTree(response.body());
  }

  /** {@code choices[0].message.content} of a completion. */
  static String content(HttpResponse<String> response) {
    return json(response).path("choices").path(0).path("message").path("content").asString();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
