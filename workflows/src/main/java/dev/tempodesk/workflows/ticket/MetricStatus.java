package dev.tempodesk.workflows.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA metric of a ticket at a moment, as the API shows it (issue 18, contract A). Computed by
 * {@link SlaStatus#metrics} from the ticket's state alone.
 *
 * @param target the business time the policy allows at the ticket's priority
 * @param remaining business time left at that moment, negative once overdue; null when STOPPED
 * @param dueAt the wall-clock instant the business time runs out; null unless RUNNING
 * @param warned the warning fired (or its instant has passed while its timer is in flight)
 * @param breached the breach fired (or the deadline has passed while its timer is in flight)
 */
public record MetricStatus(
    SlaMetric metric,
    State state,
    Duration target,
    Duration remaining,
    Instant dueAt,
    boolean warned,
    boolean breached) {

  public enum State {
    /** Counting down now. */
    RUNNING,
    /** Holding its business time left while the ticket is suspended. */
    PAUSED,
    /**
     * Not counting: fulfilled (assigned, answered), no customer message waiting (next reply), or
     * the ticket is CLOSED. Met = STOPPED and not breached.
     */
    STOPPED
  }
}
