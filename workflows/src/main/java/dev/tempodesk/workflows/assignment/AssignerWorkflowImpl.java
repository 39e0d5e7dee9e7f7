package dev.tempodesk.workflows.assignment;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Passes never overlap: the workflow runs one activity at a time, and a wake-up that arrives during
 * a pass only sets a flag, so it causes one more pass after it. Timers are never cancelled (a
 * wake-up starts the next pass at once and leaves the running timer to fire later): cancelling a
 * timer that fires in the same workflow task stalls the in-memory test server (temporal-notes,
 * timer-cancel race). Three timers may wake it besides a wake-up: the safety net, the retry after
 * an unsettled assignment, and the moment a ticket waiting for a skilled member may go to any
 * member.
 */
public class AssignerWorkflowImpl implements AssignerWorkflow {
  private static final ActivityOptions PASS_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMillis(200))
                  .setMaximumInterval(Duration.ofSeconds(10))
                  .build())
          .build();

  /** Version marker of the skill-fallback timer (issue 21). */
  static final String SKILL_FALLBACK_TIMER = "skill-fallback-timer";

  /** Past the fallback moment, so the pass sees it passed even with the clocks a little apart. */
  private static final Duration FALLBACK_MARGIN = Duration.ofMillis(50);

  private static final Duration SHORTEST_FALLBACK_TIMER = Duration.ofMillis(100);

  private final AssignerActivities activities =
      Workflow.newActivityStub(AssignerActivities.class, PASS_OPTIONS);
  // A new run starts with a pass: a wake-up lost while the previous run continued as new is
  // covered by it.
  private boolean wakeRequested = true;
  private AssignerStatus totals = AssignerStatus.empty();

  @Override
  public void run(AssignerInput input) {
    totals = input.totals() == null ? AssignerStatus.empty() : input.totals();
    Promise<Void> safetyNet = null;
    Promise<Void> retry = null;
    Promise<Void> fallback = null;
    Instant fallbackAt = null;
    for (int pass = 1; ; pass++) {
      wakeRequested = false;
      AssignmentPassResult result = activities.assignWaitingTickets();
      totals = totals.after(result);
      if (pass >= input.passesBeforeContinueAsNew()
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(input.withTotals(totals.nextRun()));
      }
      if (safetyNet == null || safetyNet.isCompleted()) {
        safetyNet = Workflow.newTimer(input.safetyNet());
      }
      if (result.unsettled() > 0 && (retry == null || retry.isCompleted())) {
        retry = Workflow.newTimer(input.retryAfter());
      }
      // A ticket waiting for a skilled member may go to any member at nextSkillFallback: pass
      // then, not on the safety net up to 30 s later. Results from before skills carry none.
      Instant wanted = result.nextSkillFallback();
      if (wanted != null
          && (fallback == null || fallback.isCompleted() || wanted.isBefore(fallbackAt))
          && Workflow.getVersion(SKILL_FALLBACK_TIMER, Workflow.DEFAULT_VERSION, 1) >= 1) {
        Duration untilThen =
            Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), wanted);
        fallbackAt = wanted;
        fallback = Workflow.newTimer(clamp(untilThen.plus(FALLBACK_MARGIN), input.safetyNet()));
      }
      Promise<Void> timer = safetyNet;
      Promise<Void> retryTimer = retry;
      // Only a timer still running for this pass's fallback (never one that fired before).
      Promise<Void> fallbackTimer =
          wanted != null && fallback != null && !fallback.isCompleted() ? fallback : null;
      Workflow.await(
          () ->
              wakeRequested
                  || timer.isCompleted()
                  || (result.unsettled() > 0 && retryTimer.isCompleted())
                  || (fallbackTimer != null && fallbackTimer.isCompleted()));
    }
  }

  private static Duration clamp(Duration wait, Duration safetyNet) {
    if (wait.compareTo(SHORTEST_FALLBACK_TIMER) < 0) {
      return SHORTEST_FALLBACK_TIMER;
    }
    return wait.compareTo(safetyNet) > 0 ? safetyNet : wait;
  }

  @Override
  public void wake() {
    wakeRequested = true;
  }

  @Override
  public AssignerStatus status() {
    return totals;
  }
}
