package dev.tempodesk.workflows.stats;

import java.time.Duration;

/**
 * @param nextHour epoch millis of the next hour to compute, or null to ask Postgres where to resume
 * @param grace how long after an hour ends it is computed, so that writes of its last moments (an
 *     activity retried a little late) are in
 * @param hoursBeforeContinueAsNew keeps the history short during a long backfill and in steady
 *     state
 */
public record StatsInput(Long nextHour, Duration grace, int hoursBeforeContinueAsNew) {
  public static StatsInput fresh(Duration grace) {
    return new StatsInput(null, grace, 48);
  }

  StatsInput resumingAt(long hour) {
    return new StatsInput(hour, grace, hoursBeforeContinueAsNew);
  }
}
