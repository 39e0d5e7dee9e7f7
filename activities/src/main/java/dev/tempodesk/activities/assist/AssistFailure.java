package dev.tempodesk.activities.assist;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to the model that produced no usable answer. The message never holds the prompt's text nor
 * the API key.
 */
public class AssistFailure extends RuntimeException {

  /** Why the call failed, and so whether trying again later may help. */
  public enum Kind {
    /** The provider answered 429, or this process's per-minute budget is spent. Retry later. */
    RATE_LIMITED,
    /** 5xx, a timeout or no connection. Retry later. */
    UNAVAILABLE,
    /** An answer that is not the documented JSON shape. Retrying rarely helps. */
    MALFORMED,
    /**
     * A 4xx other than 429 (wrong key, unknown model, prompt too long): a configuration problem
     * that retrying does not cure.
     */
    REFUSED;

    /** Whether the same prompt may succeed later. */
    public boolean retryable() {
      return this == RATE_LIMITED || this == UNAVAILABLE;
    }
  }

  private final Kind kind;
  private final Duration retryAfter;

  /**
   * @param retryAfter how long to wait before trying again, when known (a provider's {@code
   *     Retry-After}, or until the budget has room); null when unknown
   */
  public AssistFailure(Kind kind, String message, Duration retryAfter) {
    this(kind, message, retryAfter, null);
  }

  public AssistFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
