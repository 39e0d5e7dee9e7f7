package dev.tempodesk.activities;

import dev.tempodesk.activities.nylas.CallProgress;
import dev.tempodesk.activities.nylas.Sleeper;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Heartbeats for activities that wait on a slow outside service: the Nylas client reports every
 * attempt through {@link #progress()} and sleeps between attempts through {@link #sleeper()}, which
 * beats every {@link #BEAT_EVERY}. Outside an activity (start-up, the web layer) both do nothing
 * more than the plain call. The SDK throttles heartbeats, so beating often costs nothing. A
 * heartbeat of an activity that timed out or was cancelled throws, which ends the abandoned attempt
 * instead of letting it run beside its retry.
 */
public final class ActivityLiveness {
  static final Duration BEAT_EVERY = Duration.ofSeconds(5);

  private ActivityLiveness() {}

  public static CallProgress progress() {
    return ActivityLiveness::beat;
  }

  public static Sleeper sleeper() {
    return duration -> {
      long until = System.nanoTime() + duration.toNanos();
      for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
        beat();
        Thread.sleep(Duration.ofNanos(Math.min(left, BEAT_EVERY.toNanos())));
      }
      beat();
    };
  }

  /** Heartbeats if the current thread runs an activity. */
  public static void beat() {
    current().ifPresent(context -> context.heartbeat(null));
  }

  private static Optional<ActivityExecutionContext> current() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (IllegalStateException notInAnActivity) {
      return Optional.empty();
    }
  }
}
