package dev.tempodesk.fakes.nylas;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One answer given verbatim instead of the fake's own, queued with {@link FakeNylasServer#script}:
 * exactly this status, these headers and this body, optionally after a delay before the status line
 * (a server that is too slow for the client's read timeout). Nothing is added: no {@code
 * x-request-id}, no {@code Content-Type} beyond what {@link #json} sets. For a client's own tests
 * against a reference's fixtures (a 429 with an HTTP-date {@code Retry-After}, an HTML 502, an
 * OAuth error object) that the fake's state and {@link FaultPlan} do not produce.
 */
public final class ScriptedReply {
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Duration delay;

  private ScriptedReply(int status, Map<String, String> headers, byte[] body, Duration delay) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.delay = delay;
  }

  /** {@code status} with {@code Content-Type: application/json} and this body as it stands. */
  public static ScriptedReply json(int status, String body) {
    return text(status, "application/json", body);
  }

  /** {@code status} with this content type and body, e.g. {@code text/html} for a proxy page. */
  public static ScriptedReply text(int status, String contentType, String body) {
    return new ScriptedReply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO)
        .withHeader("Content-Type", contentType);
  }

  /**
   * {@code status} with this body and no headers at all, not even a {@code Content-Type} (a captive
   * portal's page, say); an empty body sends none.
   */
  public static ScriptedReply of(int status, String body) {
    return new ScriptedReply(
        status, Map.of(), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
  }

  /** The same answer with one more header (a header of the same name is replaced). */
  public ScriptedReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>();
    headers.forEach(
        (existing, v) -> {
          if (!existing.equalsIgnoreCase(name)) {
            more.put(existing, v);
          }
        });
    more.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    return new ScriptedReply(status, Collections.unmodifiableMap(more), body, delay);
  }

  /**
   * The same answer, sent only after {@code delay} (nothing at all is written before it); closing
   * the server cuts the wait short.
   */
  public ScriptedReply delayedBy(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    return new ScriptedReply(status, headers, body, delay);
  }

  public int status() {
    return status;
  }

  /** The headers in the order they were added. */
  public Map<String, String> headers() {
    return headers;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Duration delay() {
    return delay;
  }

  Reply reply() {
    return new Reply(status, headers, body);
  }

  @Override
  public String toString() {
    return "ScriptedReply[" + status + " " + headers + " " + bodyText() + "]";
  }
}
