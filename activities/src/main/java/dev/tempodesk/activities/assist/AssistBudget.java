package dev.tempodesk.activities.assist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-minute budget of calls to the model, shared by the whole process: a token bucket that
 * holds {@code perMinute} calls and refills evenly over the minute, so a burst may use the whole
 * minute's budget at once and then waits.
 */
public final class AssistBudget {
  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final int perMinute;
  private final Clock clock;
  private double tokens;
  private Instant refilledAt;

  public AssistBudget(int perMinute, Clock clock) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1");
    }
    this.perMinute = perMinute;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tokens = perMinute;
    this.refilledAt = clock.instant();
  }

  public int perMinute() {
    return perMinute;
  }

  /**
   * Takes one call from the budget: empty when taken, else how long until one is free again (and
   * nothing was taken).
   */
  public synchronized Optional<Duration> take() {
    Instant now = clock.instant();
    if (now.isAfter(refilledAt)) {
      long elapsed = Duration.between(refilledAt, now).toNanos();
      tokens = Math.min(perMinute, tokens + (double) elapsed * perMinute / MINUTE_NANOS);
      refilledAt = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return Optional.empty();
    }
    long wait = (long) Math.ceil((1 - tokens) * MINUTE_NANOS / perMinute);
    return Optional.of(Duration.ofNanos(wait));
  }
}
