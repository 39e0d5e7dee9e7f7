package dev.tempodesk.fakes.nylas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on send: the first answer (success or error) is kept for an hour per
 * grant and key; a replay with the same payload gets it again plus {@code Idempotent-Response:
 * true}, another payload gets 409 {@code api.invalid_idempotent_request}, and any request while the
 * first is still running gets 409 {@code api.concurrent_idempotent_request}.
 */
final class IdempotencyCache {
  static final Duration TTL = Duration.ofHours(1);
  static final int MAX_KEY_LENGTH = 256;

  private record Entry(Object payload, Reply reply, Instant expires) {}

  /**
   * What one send came to: {@code kept} is Nylas' answer, stored under the key; {@code answered} is
   * what reached this client, different when the answer was lost on the way back.
   */
  record Outcome(Reply kept, Reply answered) {
    static Outcome of(Reply reply) {
      return new Outcome(reply, reply);
    }
  }

  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();

  IdempotencyCache(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code send} at most once per live key. {@code payload} is the parsed JSON body (or the
   * raw text if it does not parse), so whitespace and key order do not make payloads differ.
   */
  Reply run(String grantId, String key, Object payload, String requestId, Supplier<Outcome> send) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Reply.error(
          400,
          requestId,
          "api.invalid_idempotency_key",
          "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    String id = grantId + "\n" + key;
    synchronized (this) {
      Entry entry = entries.get(id);
      if (entry != null && entry.expires().isBefore(clock.instant())) {
        entries.remove(id);
        entry = null;
      }
      if (entry != null) {
        if (!entry.payload().equals(payload)) {
          return Reply.error(
              409,
              requestId,
              "api.invalid_idempotent_request",
              "Idempotency-Key was already used with a different request payload");
        }
        if (entry.reply() == null) {
          return Reply.error(
              409,
              requestId,
              "api.concurrent_idempotent_request",
              "A request with this Idempotency-Key is still being processed");
        }
        return entry.reply().withHeader("Idempotent-Response", "true");
      }
      entries.put(id, new Entry(payload, null, clock.instant().plus(TTL)));
    }
    Outcome outcome;
    try {
      outcome = send.get();
    } catch (RuntimeException e) {
      synchronized (this) {
        entries.remove(id);
      }
      throw e;
    }
    synchronized (this) {
      entries.put(id, new Entry(payload, outcome.kept(), clock.instant().plus(TTL)));
    }
    return outcome.answered();
  }
}
