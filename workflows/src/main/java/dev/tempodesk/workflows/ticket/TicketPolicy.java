package dev.tempodesk.workflows.ticket;

import java.time.Duration;

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
}
