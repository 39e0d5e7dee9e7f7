package dev.tempodesk.workflows.assignment;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Passes never overlap: the workflow runs one activity at a time, and a wake-up that arrives during
 * a pass only sets a flag, so it causes one more pass after it. Timers are never cancelled (a
 * wake-up starts the next pass at once and leaves the running timer to fire later): cancelling a
 * timer that fires in the same workflow task stalls the in-memory test server (temporal-notes,
 * timer-cancel race).
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
      Promise<Void> timer = safetyNet;
      Promise<Void> retryTimer = retry;
      Workflow.await(
          () ->
              wakeRequested
                  || timer.isCompleted()
                  || (result.unsettled() > 0 && retryTimer.isCompleted()));
    }
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
