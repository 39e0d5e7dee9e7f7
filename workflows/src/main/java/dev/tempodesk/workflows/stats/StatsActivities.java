package dev.tempodesk.workflows.stats;

import io.temporal.activity.ActivityInterface;

/** The Postgres side of the hourly statistics. Times are epoch milliseconds of an hour's start. */
@ActivityInterface
public interface StatsActivities {
  /**
   * The first hour not stored yet: the hour after the last stored one, else the hour of the first
   * ticket, else {@code currentHour} (nothing to backfill).
   */
  long firstHourToCompute(long currentHour);

  /** Computes and stores the figures of the hour starting at {@code hourStart}; idempotent. */
  void computeHour(long hourStart);
}
