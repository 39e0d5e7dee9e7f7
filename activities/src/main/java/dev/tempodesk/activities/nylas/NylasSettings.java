package dev.tempodesk.activities.nylas;

import dev.tempodesk.workflows.NylasCallBudget;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Connection settings for one Nylas application.
 *
 * @param baseUrl regional API host, e.g. {@link #US} or {@link #EU}
 * @param apiKey application API key; also the OAuth {@code client_secret}
 * @param clientId application (client) ID used by hosted OAuth; null when mailboxes are only
 *     configured by grant id (connecting one then fails with a clear message)
 * @param maxAttempts total attempts per call, including the first (at least 1)
 * @param maxRetryAfter longest server-requested wait the client sleeps through in-process; a longer
 *     {@code Retry-After} ends the call so the caller can schedule the retry instead
 */
public record NylasSettings(
    HttpUrl baseUrl, String apiKey, String clientId, int maxAttempts, Duration maxRetryAfter) {

  public static final HttpUrl US = HttpUrl.get("https://api.us.nylas.com/");
  public static final HttpUrl EU = HttpUrl.get("https://api.eu.nylas.com/");
  public static final int DEFAULT_MAX_ATTEMPTS = NylasCallBudget.ATTEMPTS;
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

  public NylasSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    if (clientId != null && clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must not be negative");
    }
  }

  /** Settings with the default retry budget. */
  public static NylasSettings of(HttpUrl baseUrl, String apiKey, String clientId) {
    return new NylasSettings(
        baseUrl, apiKey, clientId, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RETRY_AFTER);
  }

  @Override
  public String toString() {
    return "NylasSettings[baseUrl=%s, apiKey=[redacted], clientId=%s, maxAttempts=%d, maxRetryAfter=%s]"
        .formatted(baseUrl, clientId, maxAttempts, maxRetryAfter);
  }
}
