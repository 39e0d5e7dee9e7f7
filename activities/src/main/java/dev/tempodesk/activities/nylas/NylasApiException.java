package dev.tempodesk.activities.nylas;

import java.time.Duration;
import java.util.Optional;

/**
 * Nylas answered with an error status. Classify on {@link #kind()} (derived from the HTTP status);
 * {@link #type()} is informational because Nylas' type strings vary between endpoints.
 */
public final class NylasApiException extends NylasException {

  /** Error class by HTTP status. */
  public enum Kind {
    RATE_LIMITED,
    SERVER,
    AUTH,
    NOT_FOUND,
    CONFLICT,
    CLIENT,
    /** A status outside 4xx/5xx, or a success response whose body could not be decoded. */
    UNEXPECTED;

    static Kind of(int status) {
      return switch (status) {
        case 429 -> RATE_LIMITED;
        case 401, 403 -> AUTH;
        case 404 -> NOT_FOUND;
        case 409 -> CONFLICT;
        default -> {
          if (status >= 500 && status <= 599) {
            yield SERVER;
          }
          yield status >= 400 && status <= 499 ? CLIENT : UNEXPECTED;
        }
      };
    }
  }

  static final String CONCURRENT_IDEMPOTENT_REQUEST = "api.concurrent_idempotent_request";

  private final int status;
  private final Kind kind;
  private final String type;
  private final String requestId;
  private final String errorCode;
  private final Duration retryAfter;

  NylasApiException(
      int status,
      String type,
      String detail,
      String requestId,
      String errorCode,
      Duration retryAfter,
      Throwable cause) {
    super(describe(status, type, detail, requestId), cause);
    this.status = status;
    this.kind = Kind.of(status);
    this.type = type;
    this.requestId = requestId;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  private static String describe(int status, String type, String detail, String requestId) {
    StringBuilder text = new StringBuilder("Nylas HTTP ").append(status);
    if (type != null) {
      text.append(' ').append(type);
    }
    if (detail != null) {
      text.append(": ").append(detail);
    }
    if (requestId != null) {
      text.append(" (request_id=").append(requestId).append(')');
    }
    return text.toString();
  }

  public int status() {
    return status;
  }

  public Kind kind() {
    return kind;
  }

  /** The {@code error.type} (or OAuth {@code error}) string, or null when the body had none. */
  public String type() {
    return type;
  }

  /** The {@code request_id} from the body, else the {@code x-request-id} header; may be null. */
  public String requestId() {
    return requestId;
  }

  /** The OAuth {@code error_code} (sent as a string or a number), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The server's {@code Retry-After}, uncapped, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** 409 because the first request with this Idempotency-Key is still running. */
  public boolean concurrentIdempotentRequest() {
    return status == 409 && CONCURRENT_IDEMPOTENT_REQUEST.equals(type);
  }

  @Override
  public boolean retryable() {
    return switch (status) {
      case 429, 500, 502, 503, 504 -> true;
      // Only an in-flight duplicate may be retried; a key reused with another payload never heals.
      case 409 -> CONCURRENT_IDEMPOTENT_REQUEST.equals(type);
      default -> false;
    };
  }
}
