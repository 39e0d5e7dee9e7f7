package dev.tempodesk.bench.memory;

import java.time.Duration;
import java.time.Instant;

/**
 * Waits until every started workflow has run its first steps (its start notice delivered) and the
 * worker has gone quiet (no workflow task taken for a while), so the heap is measured at rest.
 */
final class Settling {
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private Settling() {}

  static void await(CountingNotifications notifications, SdkGauges gauges, int workflows)
      throws InterruptedException {
    Instant giveUp = Instant.now().plus(TIMEOUT);
    while (notifications.delivered() < workflows) {
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(
            "%d of %d workflows ran their first steps in %s"
                .formatted(notifications.delivered(), workflows, TIMEOUT));
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
}
