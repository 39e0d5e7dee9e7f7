package dev.tempodesk.workflows.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * What the API shows of a ticket's SLA at a moment. Computed from the state alone, so the
 * workflow's query and the projection row (read back through the same state) give the same answer.
 *
 * @param remainingToAssign null once assigned (the clock no longer applies)
 * @param remainingToResolve negative when overdue; frozen while PENDING or CLOSED
 * @param resolutionEta the resolve deadline; null while the clock is paused
 * @param remainingSuspended time left in PENDING; null otherwise
 */
public record SlaStatus(
    Duration remainingToAssign,
    Duration remainingToResolve,
    Instant resolutionEta,
    Duration remainingSuspended,
    boolean assignBreached,
    boolean resolveBreached) {

  public static SlaStatus of(TicketState ticket, Instant now) {
    SlaClock assign = ticket.assignClock;
    SlaClock resolve = ticket.resolveClock;
    return new SlaStatus(
        assign == null ? null : assign.remainingAt(now),
        resolve == null ? null : resolve.remainingAt(now),
        resolve == null ? null : resolve.dueAt,
        ticket.status == TicketStatus.PENDING && ticket.pendingUntil != null
            ? Duration.between(now, ticket.pendingUntil)
            : null,
        breached(assign, now),
        breached(resolve, now));
  }

  /** Breached once the alarm fired, or already at the deadline while its timer is in flight. */
  private static boolean breached(SlaClock clock, Instant now) {
    return clock != null
        && (clock.breached || (clock.counting() && !clock.remainingAt(now).isPositive()));
  }
}
