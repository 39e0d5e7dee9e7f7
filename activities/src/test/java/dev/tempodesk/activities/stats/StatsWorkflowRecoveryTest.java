package dev.tempodesk.activities.stats;

import static dev.tempodesk.db.jooq.Tables.STATS_CLOSINGS;
import static dev.tempodesk.db.jooq.Tables.STATS_HOURS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.stats.StatsRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.stats.StatsActivities;
import dev.tempodesk.workflows.stats.StatsInput;
import dev.tempodesk.workflows.stats.StatsWorkflow;
import dev.tempodesk.workflows.stats.StatsWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stats workflow on the time-skipping server over real Postgres: a run whose activity fails on
 * 3 % of calls and whose workflow disappears for 5 hours (as when the in-memory server restarts)
 * stores exactly the figures of an undisturbed run.
 */
class StatsWorkflowRecoveryTest {
  private static final String QUEUE = "stats-test";

  /** Half an hour after the last event of the fixed day. */
  private static final Instant START = StatsFixtures.at("12:30");

  private static final Duration RUN = Duration.ofDays(4);

  @Test
  void shouldStoreTheSameFiguresAfterFailuresAndAFiveHourGap() {
    TestJooq clean = database();
    TestJooq disturbed = database();
    FlakyStats flaky = new FlakyStats(activitiesOver(disturbed));

    runUndisturbed(activitiesOver(clean));
    runWithFiveHourGap(flaky);

    // 08:00 (first ticket) up to the last hour due at the end: START + 4 days - 1 min grace
    assertThat(figures(clean)).hasSize(4 * 24 + 4);
    // seed 8 fails 5 of the 107 calls
    assertThat(flaky.failures.get())
        .as("failed activity calls of %d", flaky.calls.get())
        .isGreaterThanOrEqualTo(2);
    assertThat(figures(disturbed)).isEqualTo(figures(clean));
    assertThat(closings(disturbed)).isEqualTo(closings(clean)).hasSize(5);
  }

  private void runUndisturbed(StatsActivities activities) {
    try (TestWorkflowEnvironment env = environment(activities)) {
      start(env);
      env.sleep(RUN);
    }
  }

  private void runWithFiveHourGap(StatsActivities activities) {
    try (TestWorkflowEnvironment env = environment(activities)) {
      start(env);
      env.sleep(Duration.ofHours(30));
      // The workflow is gone (the in-memory server forgot it, or an operator terminated it) while
      // five hourly timers would have fired; the app's start-up starts it again.
      env.getWorkflowClient().newUntypedWorkflowStub(StatsWorkflow.WORKFLOW_ID).terminate("outage");
      env.sleep(Duration.ofHours(5));
      start(env);
      env.sleep(RUN.minusHours(35));
    }
  }

  private static TestWorkflowEnvironment environment(StatsActivities activities) {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(StatsWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    return env;
  }

  private static void start(TestWorkflowEnvironment env) {
    StatsWorkflow stats =
        env.getWorkflowClient()
            .newWorkflowStub(
                StatsWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId(StatsWorkflow.WORKFLOW_ID)
                    .build());
    WorkflowClient.start(stats::run, new StatsInput(null, Duration.ofMinutes(1), 10));
  }

  private static TestJooq database() {
    TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
    new StatsFixtures(jooq.dsl()).insert();
    return jooq;
  }

  private static StatsActivitiesImpl activitiesOver(TestJooq jooq) {
    return new StatsActivitiesImpl(
        new StatsRepository(jooq.dsl()),
        jooq.transactions(),
        JsonMapper.builder().build(),
        Clock.systemUTC());
  }

  /** Stored figures without the time they were computed at, which differs between runs. */
  private static List<List<Object>> figures(TestJooq jooq) {
    var columns =
        Arrays.stream(STATS_HOURS.fields())
            .filter(f -> !f.equals(STATS_HOURS.COMPUTED_AT))
            .toList();
    return jooq
        .dsl()
        .select(columns)
        .from(STATS_HOURS)
        .orderBy(STATS_HOURS.BUCKET_START)
        .fetch()
        .stream()
        .map(Record::intoList)
        .toList();
  }

  private static List<List<Object>> closings(TestJooq jooq) {
    return jooq.dsl().selectFrom(STATS_CLOSINGS).orderBy(STATS_CLOSINGS.EVENT_ID).fetch().stream()
        .map(Record::intoList)
        .toList();
  }

  /**
   * Fails 3 % of calls, chosen by a seeded generator so every run fails the same calls: some before
   * doing anything, some after the hour was already stored (the retry must then change nothing).
   */
  static final class FlakyStats implements StatsActivities {
    private final StatsActivities real;
    private final Random random = new Random(8);
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    FlakyStats(StatsActivities real) {
      this.real = real;
    }

    @Override
    public long firstHourToCompute(long currentHour) {
      failMaybe(false);
      return real.firstHourToCompute(currentHour);
    }

    @Override
    public void computeHour(long hourStart) {
      boolean afterWriting = failMaybe(true);
      real.computeHour(hourStart);
      if (afterWriting) {
        failures.incrementAndGet();
        throw new IllegalStateException("connection reset after commit");
      }
    }

    /** Throws now, or returns true when the caller should fail after its work. */
    private synchronized boolean failMaybe(boolean mayFailAfter) {
      calls.incrementAndGet();
      int roll = random.nextInt(100);
      if (roll >= 3) {
        return false;
      }
      if (mayFailAfter && roll > 0) {
        return true;
      }
      failures.incrementAndGet();
      throw new IllegalStateException("database unavailable");
    }
  }
}
