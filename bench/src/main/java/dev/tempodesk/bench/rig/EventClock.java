package dev.tempodesk.bench.rig;

import org.jooq.DSLContext;

/**
 * When each audit event was written, by Postgres' own clock: a column {@code bench_recorded_at}
 * (default {@code clock_timestamp()}) added to {@code ticket_events} in the benchmark's throwaway
 * database only. The schema has no such column ({@code occurred_at} is the workflow's time, taken
 * before the write); the figures need the moment the row reached the table, without a polling
 * loop's delay added to it. Tempodesk and its baselines write through the same column, so both are
 * timed the same way. Postgres runs on the same machine and reads the same wall clock as the
 * benchmark's {@code Instant.now()}.
 */
public final class EventClock {
  public static final String COLUMN = "bench_recorded_at";

  private EventClock() {}

  public static void install(DSLContext dsl) {
    dsl.execute(
        "alter table ticket_events add column "
            + COLUMN
            + " timestamptz not null default clock_timestamp()");
  }
}
