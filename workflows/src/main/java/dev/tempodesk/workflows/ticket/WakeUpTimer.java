package dev.tempodesk.workflows.ticket;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One durable timer for the ticket's next deadline, re-armed when the deadline moves. The timer
 * lives in its own cancellation scope, so moving the deadline cancels the old timer instead of
 * leaving it to fire later (see temporal-notes on {@code Workflow.await(timeout, ...)}).
 */
final class WakeUpTimer {
  private final VersionGate keepDueTimer = new VersionGate("keep-due-timer", 1);
  private Instant deadline;
  private CancellationScope scope;
  private boolean fired;

  /** Makes sure a timer is running for {@code next}, or none if {@code next} is null. */
  void armFor(Instant next) {
    if (Objects.equals(next, deadline)) {
      return;
    }
    if (scope != null) {
      if (!dueButNotFired() || !keepDueTimer.on()) {
        scope.cancel();
      }
      scope = null;
    }
    deadline = next;
    fired = false;
    if (next == null) {
      return;
    }
    Duration delay = Duration.between(now(), next);
    if (delay.isNegative() || delay.isZero()) {
      fired = true;
      return;
    }
    Instant armedFor = next;
    scope =
        Workflow.newCancellationScope(
            () ->
                Workflow.newTimer(delay)
                    .handle(
                        (ignored, failure) -> {
                          // A cancelled timer completes with a failure; only a real firing of the
                          // current deadline counts.
                          if (failure == null && armedFor.equals(deadline)) {
                            fired = true;
                          }
                          return null;
                        }));
    scope.run();
  }

  /**
   * True when no timer is outstanding for the armed deadline: its timer fired, or none was needed.
   * False while the deadline is only reached by the clock and its timer may fire any moment.
   */
  boolean timerFired() {
    return fired;
  }

  /** True once the armed deadline has been reached. */
  boolean isDue() {
    return deadline != null && (fired || !now().isBefore(deadline));
  }

  /**
   * The armed deadline has passed and its timer fires any moment. Such a timer is left to fire (its
   * handler ignores a deadline that is not the armed one any more) rather than cancelled: a cancel
   * that meets the firing in one workflow task left the in-memory Temporal server in "invalid
   * history builder state" for good (a ticket stopped); the real server takes either.
   */
  private boolean dueButNotFired() {
    return deadline != null && !fired && !now().isBefore(deadline);
  }

  /** True when the armed deadline is not {@code next} any more. */
  boolean isStale(Instant next) {
    return !Objects.equals(next, deadline);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
