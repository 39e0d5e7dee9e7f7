package dev.tempodesk.workflows.webhook;

import java.time.Duration;
import java.util.List;

/**
 * When a webhook delivery is tried again: after 30 s, 2 m, 10 m, 30 m, 1 h, 2 h, 4 h, then every 8
 * h, for as long as the next attempt still falls within {@link #WINDOW} of the first — ten attempts
 * in all, the last 23 h 42.5 m after the first. A receiver's {@code Retry-After} can only stretch a
 * pause, never past the window.
 */
public final class WebhookRetrySchedule {
  /** How long after its first attempt a delivery may still be attempted. */
  public static final Duration WINDOW = Duration.ofHours(24);

  private static final List<Duration> PAUSES =
      List.of(
          Duration.ofSeconds(30),
          Duration.ofMinutes(2),
          Duration.ofMinutes(10),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8));

  private WebhookRetrySchedule() {}

  /** The pause after attempt {@code attempt} (1-based) failed. */
  public static Duration pauseAfter(int attempt) {
    return PAUSES.get(Math.min(attempt, PAUSES.size()) - 1);
  }

  /**
   * The pause before the next attempt, or null when there is none: the planned pause stretched to
   * {@code retryAfter} (if longer), as long as it ends within the window.
   *
   * @param elapsed time since the first attempt started
   */
  public static Duration nextPause(int attempt, Duration elapsed, Duration retryAfter) {
    Duration pause = pauseAfter(attempt);
    if (retryAfter != null && retryAfter.compareTo(pause) > 0) {
      pause = retryAfter;
    }
    return elapsed.plus(pause).compareTo(WINDOW) <= 0 ? pause : null;
  }
}
