package dev.tempodesk.workflows.stats;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The loop computes every hour whose end (plus grace) has passed, in order, then sleeps until the
 * next one is due. Whatever delayed it — a failed activity being retried, a worker that was down, a
 * server that forgot the workflow and had it re-started — the next iteration finds the hours that
 * are due and computes them all, so no hour is ever skipped.
 */
public class StatsWorkflowImpl implements StatsWorkflow {
  static final long HOUR = Duration.ofHours(1).toMillis();

  private final StatsActivities activities =
      Workflow.newActivityStub(
          StatsActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(5))
                      .build())
              .build());

  @Override
  public void run(StatsInput input) {
    long graceMillis = input.grace().toMillis();
    long next =
        input.nextHour() != null
            ? input.nextHour()
            : activities.firstHourToCompute(hourOf(Workflow.currentTimeMillis()));
    int computed = 0;
    while (true) {
      long dueAt = next + HOUR + graceMillis;
      long now = Workflow.currentTimeMillis();
      if (now < dueAt) {
        Workflow.sleep(Duration.ofMillis(dueAt - now));
        continue;
      }
      activities.computeHour(next);
      next += HOUR;
      computed++;
      if (computed >= input.hoursBeforeContinueAsNew()
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(input.resumingAt(next));
      }
    }
  }

  static long hourOf(long epochMillis) {
    return Math.floorDiv(epochMillis, HOUR) * HOUR;
  }
}
