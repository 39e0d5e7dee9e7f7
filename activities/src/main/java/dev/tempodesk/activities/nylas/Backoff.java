package dev.tempodesk.activities.nylas;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between attempts of one call to an outside service (Nylas, the assist model). */
public final class Backoff {

  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofSeconds(20);

  private Backoff() {}

  /**
   * Exponential backoff with "equal jitter" before attempt {@code attempt + 1}: the ceiling doubles
   * from 1 s up to 20 s; half of it is fixed, half random.
   */
  public static Duration equalJitter(int attempt) {
    long ceiling = Math.min(BASE.toMillis() << Math.min(attempt - 1, 20), MAX.toMillis());
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
