package dev.tempodesk.activities;

import dev.tempodesk.activities.nylas.CallProgress;
import dev.tempodesk.activities.nylas.Sleeper;
import dev.tempodesk.workflows.NylasCallBudget;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats for activities that wait on a slow outside service, every {@link
 * NylasCallBudget#BEAT_EVERY}: the Nylas client reports each HTTP attempt through {@link
 * #progress()} (a background beat runs while the attempt does, however long it takes) and sleeps
 * between attempts through {@link #sleeper()}, which beats as it sleeps. So a slow call is never
 * taken for a dead worker, while a dead worker still stops beating at once. Outside an activity
 * (start-up, the web layer) both are the plain call. The SDK throttles heartbeats, so beating often
 * costs nothing. A heartbeat of an attempt Temporal already gave up on throws on the activity's
 * thread, which ends it instead of letting it run beside its retry.
 */
public final class ActivityLiveness {
  private static final ScheduledExecutorService BEATS =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("activity-heartbeats").factory());

  private ActivityLiveness() {}

  public static CallProgress progress() {
    return () -> {
      Optional<ActivityExecutionContext> activity = current();
      if (activity.isEmpty()) {
        return () -> {};
      }
      ActivityExecutionContext context = activity.get();
      context.heartbeat(null);
      long every = NylasCallBudget.BEAT_EVERY.toMillis();
      ScheduledFuture<?> beating =
          BEATS.scheduleAtFixedRate(
              () -> beatQuietly(context), every, every, TimeUnit.MILLISECONDS);
      return () -> {
        beating.cancel(false);
        context.heartbeat(null); // throws here, on the activity's thread, if it was given up
      };
    };
  }

  public static Sleeper sleeper() {
    return duration -> {
      long until = System.nanoTime() + duration.toNanos();
      for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
        beat();
        Thread.sleep(Duration.ofNanos(Math.min(left, NylasCallBudget.BEAT_EVERY.toNanos())));
      }
      beat();
    };
  }

  /** Heartbeats if the current thread runs an activity. */
  public static void beat() {
    current().ifPresent(context -> context.heartbeat(null));
  }

  private static void beatQuietly(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (ActivityCompletionException givenUp) {
      // reported again by the beat that ends the attempt, on the activity's own thread
    } catch (RuntimeException unexpected) {
      // a background beat must never kill the scheduler
    }
  }

  private static Optional<ActivityExecutionContext> current() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (IllegalStateException notInAnActivity) {
      return Optional.empty();
    }
  }
}
