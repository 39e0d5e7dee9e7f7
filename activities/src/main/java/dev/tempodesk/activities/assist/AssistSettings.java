package dev.tempodesk.activities.assist;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * How to reach the model.
 *
 * @param baseUrl the OpenAI-compatible API's base, e.g. {@code http://localhost:11434/v1}; calls go
 *     to {@code {baseUrl}/chat/completions}
 * @param model the model asked for ({@code model} of the request)
 * @param apiKey sent as {@code Authorization: Bearer}; null sends no such header
 * @param perMinute calls this process may make per minute (a token bucket); more answer {@link
 *     AssistFailure.Kind#RATE_LIMITED} without calling out
 * @param timeout the longest one HTTP attempt may take, connecting included
 * @param maxAttempts attempts per call, the first included, on 429, 5xx and connection failures
 * @param maxRetryAfter the longest {@code Retry-After} slept through inside a call; a longer one
 *     ends the call as RATE_LIMITED/UNAVAILABLE so the caller retries later
 */
public record AssistSettings(
    HttpUrl baseUrl,
    String model,
    String apiKey,
    int perMinute,
    Duration timeout,
    int maxAttempts,
    Duration maxRetryAfter) {

  public static final int DEFAULT_PER_MINUTE = 30;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(20);

  public AssistSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Settings with the default retries. */
  public static AssistSettings of(
      HttpUrl baseUrl, String model, String apiKey, int perMinute, Duration timeout) {
    return new AssistSettings(
        baseUrl, model, apiKey, perMinute, timeout, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RETRY_AFTER);
  }

  @Override
  public String toString() {
    return "AssistSettings[baseUrl=%s, model=%s, apiKey=%s, perMinute=%d, timeout=%s, maxAttempts=%d, maxRetryAfter=%s]"
        .formatted(
            baseUrl,
            model,
            apiKey == null ? "none" : "[redacted]",
            perMinute,
            timeout,
            maxAttempts,
            maxRetryAfter);
  }
}
