package dev.tempodesk.workflows.mailbox;

import dev.tempodesk.workflows.NylasCallBudget;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The cursor only moves after a pass has stored and signalled everything it listed, so a crash at
 * any point repeats work instead of losing mail.
 *
 * <p>The poll timer is never cancelled: a poke starts the next pass at once and leaves the running
 * timer to fire later (it is only replaced once it has fired). Cancelling a timer that fires in the
 * same workflow task stalls the in-memory test server (temporal-notes, timer-cancel race), and a
 * spare timer costs one history event.
 */
public class MailboxSyncWorkflowImpl implements MailboxSyncWorkflow {
  private static final ActivityOptions PASS_OPTIONS =
      ActivityOptions.newBuilder()
          // A pass makes many Nylas calls, any of which may be slow; the heartbeat, not this,
          // notices a crashed worker.
          .setStartToCloseTimeout(Duration.ofHours(1))
          // A pass heartbeats after every message and all through every Nylas call (attempts and
          // retry sleeps), so a crashed worker's pass is retried elsewhere within seconds, and a
          // slow but healthy call is never mistaken for a crash (it was, with 10 s and beats only
          // between messages: a second attempt then ran beside the first).
          .setHeartbeatTimeout(NylasCallBudget.HEARTBEAT_TIMEOUT)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  private final MailboxSyncActivities activities =
      Workflow.newActivityStub(MailboxSyncActivities.class, PASS_OPTIONS);
  private MailboxSyncStatus totals = MailboxSyncStatus.empty();
  private boolean pokeRequested;

  @Override
  public void run(MailboxSyncInput input) {
    totals = input.totals() == null ? MailboxSyncStatus.empty() : input.totals();
    Long cursor = input.cursor();
    Promise<Void> pollTimer = null;
    for (int pass = 1; ; pass++) {
      pokeRequested = false;
      SyncPassResult result =
          activities.syncPass(
              new SyncPassRequest(
                  input.mailboxId(), input.grantId(), cursor, input.overlap().toSeconds()));
      cursor = result.newCursor();
      totals = totals.after(result, Workflow.currentTimeMillis());
      if (pass >= input.passesBeforeContinueAsNew()
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(input.withCursor(cursor, totals));
      }
      if (pollTimer == null || pollTimer.isCompleted()) {
        pollTimer = Workflow.newTimer(input.pollInterval());
      }
      Promise<Void> timer = pollTimer;
      Workflow.await(() -> timer.isCompleted() || pokeRequested);
    }
  }

  @Override
  public void pollNow() {
    pokeRequested = true;
  }

  @Override
  public MailboxSyncStatus status() {
    return totals;
  }
}
