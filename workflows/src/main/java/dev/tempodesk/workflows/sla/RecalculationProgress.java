package dev.tempodesk.workflows.sla;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an SLA recalculation stands: ticket workflows signalled, skipped because they had ended,
 * and failed after their retries (the first {@link #MAX_LISTED} of those listed with the error).
 */
public record RecalculationProgress(
    String reason,
    long signalled,
    long skipped,
    long failed,
    List<FailedSignal> failures,
    boolean finished) {
  /** Failures listed by ticket; the count goes on beyond, the history stays small. */
  public static final int MAX_LISTED = 50;

  public RecalculationProgress {
    failures = List.copyOf(failures);
  }

  public static RecalculationProgress start(String reason) {
    return new RecalculationProgress(reason, 0, 0, 0, List.of(), false);
  }

  /** Adds the signalled and skipped tickets of an outcome (its failures may still be retried). */
  RecalculationProgress delivered(SignalOutcome outcome) {
    return new RecalculationProgress(
        reason,
        signalled + outcome.signalled(),
        skipped + outcome.ended().size(),
        failed,
        failures,
        finished);
  }

  /** Counts tickets that failed for good. */
  RecalculationProgress gaveUp(List<FailedSignal> given) {
    List<FailedSignal> listed = new ArrayList<>(failures);
    given.stream().limit(Math.max(0, MAX_LISTED - listed.size())).forEach(listed::add);
    return new RecalculationProgress(
        reason, signalled, skipped, failed + given.size(), listed, finished);
  }

  RecalculationProgress done() {
    return new RecalculationProgress(reason, signalled, skipped, failed, failures, true);
  }
}
