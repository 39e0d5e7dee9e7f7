package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API shows of a ticket's SLA at a moment. Computed from the state alone, so the
 * workflow's query and the projection row (read back through the same state) give the same answer.
 * Remaining times are business time of the ticket's calendar (round the clock without a policy).
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
    BusinessCalendar calendar = TicketSla.calendar(ticket);
    SlaClock assign = ticket.assignClock;
    SlaClock resolve = ticket.resolveClock;
    return new SlaStatus(
        assign == null ? null : assign.remainingAt(now, calendar),
        resolve == null ? null : resolve.remainingAt(now, calendar),
        resolve == null ? null : resolve.dueAt,
        ticket.status == TicketStatus.PENDING && ticket.pendingUntil != null
            ? Duration.between(now, ticket.pendingUntil)
            : null,
        breached(assign, now, calendar),
        breached(resolve, now, calendar));
  }

  /**
   * Each metric the ticket has a clock for, in the order TIME_TO_ASSIGN, FIRST_RESPONSE,
   * NEXT_REPLY, RESOLUTION: with a policy, the metrics it sets a target for at the ticket's
   * priority; before policies, time to assign and resolution round the clock. Every metric of a
   * CLOSED ticket is STOPPED (its clocks pause, so that reopening resumes them).
   */
  public static List<MetricStatus> metrics(TicketState ticket, Instant now) {
    BusinessCalendar calendar = TicketSla.calendar(ticket);
    List<MetricStatus> metrics = new ArrayList<>(4);
    for (TicketSla.ClockName name : TicketSla.ClockName.values()) {
      SlaClock clock = TicketSla.clockOf(ticket, name);
      if (clock == null) {
        continue;
      }
      MetricStatus.State state;
      if (ticket.status == TicketStatus.CLOSED || !clock.counting()) {
        state = MetricStatus.State.STOPPED;
      } else {
        state = clock.running() ? MetricStatus.State.RUNNING : MetricStatus.State.PAUSED;
      }
      boolean stopped = state == MetricStatus.State.STOPPED;
      Duration remaining = stopped ? null : clock.remainingAt(now, calendar);
      boolean breached = clock.breached || (remaining != null && !remaining.isPositive());
      boolean warned =
          clock.warned
              || breached
              || (remaining != null && remaining.compareTo(clock.warningShare()) <= 0);
      metrics.add(
          new MetricStatus(
              name.metric(),
              state,
              clock.target,
              remaining,
              state == MetricStatus.State.RUNNING ? clock.dueAt : null,
              warned,
              breached));
    }
    return metrics;
  }

  /** Breached once the alarm fired, or already at the deadline while its timer is in flight. */
  private static boolean breached(SlaClock clock, Instant now, BusinessCalendar calendar) {
    return clock != null
        && (clock.breached || (clock.counting() && !clock.remainingAt(now, calendar).isPositive()));
  }
}
