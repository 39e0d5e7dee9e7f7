package dev.tempodesk.activities.nylas;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/**
 * Executes one logical call with bounded retries. Only requests that are safe to repeat may be
 * retried: GETs, and sends that carry an {@code Idempotency-Key} when no answer arrived.
 */
final class RetryingTransport {

  private static final Logger log = LoggerFactory.getLogger(RetryingTransport.class);

  private final OkHttpClient http;
  private final Sleeper sleeper;
  private final ErrorResponses errors;
  private final int maxAttempts;
  private final Duration maxRetryAfter;
  private final CallProgress progress;

  RetryingTransport(
      NylasSettings settings,
      OkHttpClient http,
      Sleeper sleeper,
      CallProgress progress,
      Clock clock) {
    this.http = http;
    this.sleeper = sleeper;
    this.progress = progress;
    this.errors = new ErrorResponses(settings.apiKey(), clock);
    this.maxAttempts = settings.maxAttempts();
    this.maxRetryAfter = settings.maxRetryAfter();
  }

  /** Which failures a call may be repeated after, within {@code maxAttempts}. */
  enum Retries {
    NEVER,
    /** Any retryable failure: for reads. */
    WHEN_RETRYABLE,
    /**
     * Only when no answer arrived or after 409 concurrent: for keyed sends, whose error answers
     * Nylas replays for the same key ({@link KeyedSend}).
     */
    WHEN_UNANSWERED;

    boolean allow(NylasException failure) {
      return switch (this) {
        case NEVER -> false;
        case WHEN_RETRYABLE -> failure.retryable();
        case WHEN_UNANSWERED -> KeyedSend.after(failure) == KeyedSend.Next.SAME_KEY;
      };
    }
  }

  /** Reads a successful answer's body; called once per attempt that got a 2xx. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(Response response) throws IOException;
  }

  <T> T execute(Request request, JavaType responseType, Retries retries) {
    return execute(request, json(responseType), retries);
  }

  <T> T execute(Request request, BodyReader<T> reader, Retries retries) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(request, reader);
      } catch (NylasException failure) {
        if (!retries.allow(failure) || attempt >= maxAttempts) {
          throw failure;
        }
        Duration delay = delayBeforeRetry(failure, attempt).orElseThrow(() -> failure);
        log.info(
            "Nylas call failed on attempt {}/{}, retrying in {} ms: {}",
            attempt,
            maxAttempts,
            delay.toMillis(),
            failure.getMessage());
        pause(delay, failure);
      }
    }
  }

  private <T> T once(Request request, BodyReader<T> reader) {
    try (CallProgress.Attempt attempt = progress.started()) {
      return exchange(request, reader);
    }
  }

  private <T> BodyReader<T> json(JavaType responseType) {
    return response -> {
      String body = response.body().string();
      try {
        return NylasJson.MAPPER.readValue(body, responseType);
      } catch (JacksonException e) {
        throw errors.unreadable(response, e);
      }
    };
  }

  private <T> T exchange(Request request, BodyReader<T> reader) {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw errors.from(response);
      }
      return reader.read(response);
    } catch (IOException e) {
      throw new NylasTransportException(
          "Nylas %s %s failed: %s"
              .formatted(request.method(), request.url().encodedPath(), e.toString()),
          e);
    }
  }

  /** Empty when the server asks for a longer wait than we are willing to block a thread for. */
  private Optional<Duration> delayBeforeRetry(NylasException failure, int attempt) {
    if (failure instanceof NylasApiException api && api.retryAfter().isPresent()) {
      Duration requested = api.retryAfter().get();
      return requested.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(requested);
    }
    return Optional.of(Backoff.equalJitter(attempt));
  }

  private void pause(Duration delay, NylasException failure) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }
}
