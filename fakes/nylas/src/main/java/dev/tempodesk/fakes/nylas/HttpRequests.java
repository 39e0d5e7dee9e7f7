package dev.tempodesk.fakes.nylas;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reading requests and writing {@link Reply}s on the JDK server. */
final class HttpRequests {
  private HttpRequests() {}

  static String newRequestId() {
    return "req-" + UUID.randomUUID();
  }

  /**
   * Path segments, each percent-decoded on its own, so an id holding an encoded {@code /} stays one
   * segment; {@code +} is a literal plus in a path, unlike in a query.
   */
  static List<String> pathSegments(HttpExchange exchange) {
    List<String> segments = new ArrayList<>();
    for (String raw : exchange.getRequestURI().getRawPath().split("/")) {
      if (!raw.isEmpty()) {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  /** Query or form parameters; the first of repeated names wins. */
  static Map<String, String> params(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.putIfAbsent(decode(name), decode(value));
    }
    return params;
  }

  /** A body sent as {@code application/x-www-form-urlencoded} or as a flat JSON object. */
  static Map<String, String> formOrJson(HttpExchange exchange) {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] body = body(exchange);
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      return params(new String(body, StandardCharsets.UTF_8));
    }
    JsonNode json;
    try {
      json = NylasJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new NylasError(400, "api.invalid_request_payload", "Request body is not valid JSON");
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (json != null) {
      json.properties().forEach(e -> params.put(e.getKey(), e.getValue().asString(null)));
    }
    return params;
  }

  static byte[] body(HttpExchange exchange) {
    try {
      return exchange.getRequestBody().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(
        reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      exchange.getResponseBody().write(reply.body());
    }
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
