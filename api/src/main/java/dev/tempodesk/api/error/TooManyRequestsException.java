package dev.tempodesk.api.error;

import java.time.Duration;

/** Too many attempts; the caller may try again after {@code retryAfter}: 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {
  private final Duration retryAfter;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
