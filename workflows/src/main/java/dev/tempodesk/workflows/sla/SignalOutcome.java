package dev.tempodesk.workflows.sla;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of a {@link SignalBatch}: how many ticket workflows took the signal, which had ended
 * (closed past their reopen window, or never started) and which failed otherwise.
 */
public record SignalOutcome(long signalled, List<Long> ended, List<FailedSignal> failed) {
  public SignalOutcome {
    ended = List.copyOf(ended);
    failed = List.copyOf(failed);
  }

  public static SignalOutcome none() {
    return new SignalOutcome(0, List.of(), List.of());
  }

  public SignalOutcome plus(SignalOutcome other) {
    List<Long> allEnded = new ArrayList<>(ended);
    allEnded.addAll(other.ended);
    List<FailedSignal> allFailed = new ArrayList<>(failed);
    allFailed.addAll(other.failed);
    return new SignalOutcome(signalled + other.signalled, allEnded, allFailed);
  }
}
