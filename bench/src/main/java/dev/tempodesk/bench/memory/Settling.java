package dev.tempodesk.bench.memory;

import java.time.Duration;
import java.time.Instant;

/**
 * Waits until every started workflow has run its first steps (its start notice delivered) and the
 * worker has gone quiet (no workflow task taken for a while), so the heap is measured at rest.
 */
final class Settling {
  private static final Duration QUIET = Duration.ofSeconds(2);

  /**
   * Per workflow: the in-memory server starts about 65 workflows a second with their first steps on
   * the 2-core build machine (20,000 took longer than 5 minutes), so the wait grows with the load
   * instead of failing a full run that is merely slow.
   */
  private static final Duration PER_WORKFLOW = Duration.ofMillis(40);

  private static final Duration AT_LEAST = Duration.ofMinutes(2);

  private Settling() {}

  static void await(CountingNotifications notifications, SdkGauges gauges, int workflows)
      throws InterruptedException {
    Duration timeout = max(AT_LEAST, PER_WORKFLOW.multipliedBy(workflows));
    Instant giveUp = Instant.now().plus(timeout);
    while (notifications.delivered() < workflows) {
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(
            "%d of %d workflows ran their first steps in %s"
                .formatted(notifications.delivered(), workflows, timeout));
      }
      Thread.sleep(200);
    }
    double tasks = -1;
    Instant quietSince = Instant.now();
    while (Duration.between(quietSince, Instant.now()).compareTo(QUIET) < 0) {
      double now = gauges.workflowTasksPolled();
      if (now != tasks) {
        tasks = now;
        quietSince = Instant.now();
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException("the worker kept taking workflow tasks");
      }
      Thread.sleep(200);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
