package dev.tempodesk.workflows.ticket;

import java.time.Duration;

/** The SLA targets of one priority, both counted from the ticket's creation. */
public record SlaTargets(Duration toAssign, Duration toResolve) {

  /** Refuses a half-configured priority at start-up rather than at its first ticket. */
  public SlaTargets {
    if (toAssign == null
        || toResolve == null
        || !toAssign.isPositive()
        || !toResolve.isPositive()) {
      throw new IllegalArgumentException(
          "SLA targets need a positive to-assign and to-resolve, got %s / %s"
              .formatted(toAssign, toResolve));
    }
  }
}
