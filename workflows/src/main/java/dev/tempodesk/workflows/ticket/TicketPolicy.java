package dev.tempodesk.workflows.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * Tunables of the ticket lifecycle.
 *
 * @param reopenWindow how long a CLOSED ticket can be reopened by a customer message
 * @param maxPending the longest suspension an agent may set
 * @param continueAsNewAfterEvents history length after which the workflow continues as new; 0
 *     leaves it to the server's suggestion (tests set a small number)
 * @param sla the SLA targets per priority; null (as in inputs recorded before SLAs existed) means
 *     the defaults
 */
public record TicketPolicy(
    Duration reopenWindow, Duration maxPending, int continueAsNewAfterEvents, SlaPolicy sla) {

  public TicketPolicy {
    if (sla == null) {
      sla = SlaPolicy.defaults();
    }
  }

  public TicketPolicy(Duration reopenWindow, Duration maxPending, int continueAsNewAfterEvents) {
    this(reopenWindow, maxPending, continueAsNewAfterEvents, SlaPolicy.defaults());
  }

  public static TicketPolicy defaults() {
    return new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 0);
  }

  public TicketPolicy withSla(SlaPolicy targets) {
    return new TicketPolicy(reopenWindow, maxPending, continueAsNewAfterEvents, targets);
  }

  /**
   * The reopen rule, the one place it is decided: whether a customer message at {@code now} can no
   * longer reopen a ticket (its workflow ends; a message starts a follow-up ticket instead). Only a
   * CLOSED ticket has a window; it is over from {@link #reopenWindowEnd} on, that instant included.
   */
  public boolean reopenWindowOver(TicketStatus status, Instant closedAt, Instant now) {
    return status == TicketStatus.CLOSED && !now.isBefore(reopenWindowEnd(closedAt));
  }

  /** The instant a ticket CLOSED at {@code closedAt} stops being reopened by customer messages. */
  public Instant reopenWindowEnd(Instant closedAt) {
    return closedAt.plus(reopenWindow);
  }

  /**
   * The same rule as a cut-off for queries: at {@code now}, a CLOSED ticket can still be reopened
   * if and only if it was closed strictly after this instant.
   */
  public Instant reopenableIfClosedAfter(Instant now) {
    return now.minus(reopenWindow);
  }
}
