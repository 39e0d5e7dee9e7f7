package dev.tempodesk.activities.webhook;

import dev.tempodesk.activities.nylas.RetryAfter;
import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts a webhook once: the wire format of docs/webhooks.md, signed, through a connection that goes
 * only where {@link WebhookTargets} allows (no proxy, no redirects followed). Never throws for what
 * the receiver or the network did: the {@link Result} says.
 */
public class WebhookPoster {
  public static final String USER_AGENT = "Tempodesk-Webhooks/1";
  static final int EXCERPT_CHARS = 1000;
  private static final MediaType JSON = MediaType.get("application/json");

  /** What is posted: the body's bytes and what the headers need. */
  public record Post(
      URI url,
      String secret,
      boolean allowPrivateNetwork,
      String type,
      long eventId,
      long deliveryId,
      byte[] body) {}

  /**
   * One attempt's answer.
   *
   * @param statusCode the receiver's status, null when nothing was answered
   * @param excerpt the first {@value #EXCERPT_CHARS} characters of the answer's body
   * @param error why it failed, null on a 2xx
   * @param retryAfter the receiver's {@code Retry-After}, if any
   * @param permanent a failure that repeating cannot fix (a refused target, 410 Gone)
   */
  public record Result(
      Instant startedAt,
      int durationMs,
      Integer statusCode,
      String excerpt,
      String error,
      Duration retryAfter,
      boolean permanent) {
    public boolean delivered() {
      return error == null;
    }
  }

  private final WebhookTargets targets;
  private final OkHttpClient publicOnly;
  private final OkHttpClient privateAllowed;
  private final Clock clock;

  public WebhookPoster(WebhookTargets targets, OkHttpClient base, Clock clock) {
    this.targets = targets;
    OkHttpClient.Builder guarded =
        base.newBuilder().followRedirects(false).followSslRedirects(false).proxy(Proxy.NO_PROXY);
    this.publicOnly = guarded.dns(targets.dns(false)).build();
    this.privateAllowed = guarded.dns(targets.dns(true)).build();
    this.clock = clock;
  }

  /** The client webhooks use outside tests: short timeouts, so an attempt ends well in a minute. */
  public static OkHttpClient defaultClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(15))
        .build();
  }

  public Result post(Post post) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    Optional<String> refused = targets.shapeRefusal(post.url(), post.allowPrivateNetwork());
    if (refused.isPresent()) {
      return new Result(started, 0, null, null, "refused: the URL " + refused.get(), null, true);
    }
    long timestamp = started.getEpochSecond();
    String eventId = WebhookBody.eventId(post.eventId());
    Request request =
        new Request.Builder()
            .url(post.url().toString())
            .header("User-Agent", USER_AGENT)
            .header("X-Tempodesk-Event", post.type())
            .header("X-Tempodesk-Event-Id", eventId)
            .header("X-Tempodesk-Delivery", Long.toString(post.deliveryId()))
            .header("X-Tempodesk-Timestamp", Long.toString(timestamp))
            .header(
                "X-Tempodesk-Signature",
                WebhookSignature.sign(post.secret(), timestamp, post.body()))
            .header("Idempotency-Key", eventId)
            .post(RequestBody.create(post.body(), JSON))
            .build();
    OkHttpClient http = post.allowPrivateNetwork() ? privateAllowed : publicOnly;
    try (Response response = http.newCall(request).execute()) {
      int code = response.code();
      String excerpt = excerpt(response);
      int duration = millisSince(startNanos);
      if (response.isSuccessful()) {
        return new Result(started, duration, code, excerpt, null, null, false);
      }
      String error =
          response.isRedirect()
              ? "answered "
                  + code
                  + " (redirects are not followed: "
                  + response.header("Location")
                  + ")"
              : "answered " + code;
      Duration retryAfter =
          RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null);
      return new Result(started, duration, code, excerpt, error, retryAfter, code == 410);
    } catch (IOException failed) {
      int duration = millisSince(startNanos);
      WebhookTargets.RefusedTarget refusal = refusalIn(failed);
      if (refusal != null) {
        return new Result(
            started, duration, null, null, "refused: " + refusal.getMessage(), null, true);
      }
      String reason =
          failed.getMessage() == null
              ? failed.getClass().getSimpleName()
              : failed.getClass().getSimpleName() + ": " + failed.getMessage();
      return new Result(started, duration, null, null, "not reached: " + reason, null, false);
    } catch (IllegalArgumentException badUrl) {
      return new Result(started, 0, null, null, "refused: " + badUrl.getMessage(), null, true);
    }
  }

  private static String excerpt(Response response) throws IOException {
    String text = response.peekBody(EXCERPT_CHARS * 4L).string();
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
  }

  private static WebhookTargets.RefusedTarget refusalIn(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebhookTargets.RefusedTarget refused) {
        return refused;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (suppressed instanceof WebhookTargets.RefusedTarget refused) {
          return refused;
        }
      }
    }
    return null;
  }

  private static int millisSince(long startNanos) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
  }
}
