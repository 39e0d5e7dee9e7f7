package dev.tempodesk.fakes.nylas;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request as it reached the fake, before any answer: method, request target exactly as sent (path
 * still percent-encoded, query included), headers (names case-insensitive) and body bytes. Kept by
 * {@link FakeNylasServer#requests}, so a client's tests can check what went over the wire.
 */
public final class RecordedRequest {
  private final String method;
  private final String target;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  RecordedRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.target = target;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
  }

  static RecordedRequest of(HttpExchange exchange, byte[] body) {
    return new RecordedRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders(),
        body);
  }

  public String method() {
    return method;
  }

  /** Path and query exactly as sent, e.g. {@code /v3/grants/a%40b.example/messages?limit=2}. */
  public String target() {
    return target;
  }

  /** The path as sent, still percent-encoded, without the query. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * The path's segments, each percent-decoded on its own ({@code %2F} stays inside its segment,
   * {@code +} is a plus), as the fake routes them.
   */
  public List<String> pathSegments() {
    List<String> segments = new ArrayList<>();
    for (String raw : path().split("/")) {
      if (!raw.isEmpty()) {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return List.copyOf(segments);
  }

  /** The query as sent (still encoded), or null if there is none. */
  public String query() {
    int q = target.indexOf('?');
    return q < 0 ? null : target.substring(q + 1);
  }

  /** The decoded query parameters in the order sent; a repeated name keeps all its values. */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    String query = query();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  public Set<String> queryParameterNames() {
    return new LinkedHashSet<>(queryParameters().keySet());
  }

  /** The first value of the query parameter, decoded, or null if it was not sent. */
  public String queryParameter(String name) {
    List<String> values = queryParameters().get(name);
    return values == null ? null : values.getFirst();
  }

  /** All headers, names case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of the header (name case-insensitive), or null if it was not sent. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + target;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
