package dev.tempodesk.workflows.assignment;

import java.time.Duration;

/**
 * @param safetyNet longest pause between two passes, even without a wake-up (catches a lost one)
 * @param retryAfter pause before the next pass when a pass left an assignment unsettled
 * @param passesBeforeContinueAsNew history bound; also continues as new when Temporal suggests it
 * @param totals counters carried over from the previous run
 */
public record AssignerInput(
    Duration safetyNet, Duration retryAfter, int passesBeforeContinueAsNew, AssignerStatus totals) {

  public static AssignerInput defaults() {
    return new AssignerInput(Duration.ofSeconds(30), Duration.ofSeconds(1), 500, null);
  }

  AssignerInput withTotals(AssignerStatus totals) {
    return new AssignerInput(safetyNet, retryAfter, passesBeforeContinueAsNew, totals);
  }
}
