package dev.tempodesk.api.ticket;

import dev.tempodesk.workflows.ticket.AppliedSla;
import dev.tempodesk.workflows.ticket.MetricStatus;
import dev.tempodesk.workflows.ticket.SlaMetric;
import dev.tempodesk.workflows.ticket.SlaStatus;
import dev.tempodesk.workflows.ticket.TicketState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA at the moment of the request, computed from the workflow's clock state as stored
 * in the projection (the workflow's query computes the same from the same state). Remaining times
 * count business time of the ticket's calendar (round the clock without a policy).
 */
@Schema(description = "Service levels; remaining times are negative once overdue")
public record SlaDto(
    @Schema(description = "Seconds left to assign; null once assigned or without SLA")
        Long remainingToAssignSeconds,
    @Schema(description = "Seconds left to resolve; null without SLA")
        Long remainingToResolveSeconds,
    @Schema(description = "When the ticket is due; null while the clock is paused")
        Instant resolutionEta,
    @Schema(description = "Seconds of suspension left; only while PENDING")
        Long remainingSuspendedSeconds,
    boolean assignBreached,
    boolean resolveBreached,
    @Schema(
            description =
                "The SLA policy governing the ticket; null for tickets from before policies and"
                    + " for those no policy matched (the configured targets, round the clock)")
        Ref policy,
    @Schema(description = "The business calendar its targets count in; null as for policy")
        Ref calendar,
    @Schema(
            description =
                "One entry per metric the ticket has a target for, in the order TIME_TO_ASSIGN,"
                    + " FIRST_RESPONSE, NEXT_REPLY, RESOLUTION")
        List<Metric> metrics) {

  /** A policy or calendar by id and name. */
  @Schema(name = "SlaRef")
  public record Ref(long id, String name) {}

  @Schema(
      name = "SlaMetricStatus",
      description = "One SLA metric of a ticket; met = STOPPED and not breached")
  public record Metric(
      SlaMetric metric,
      @Schema(
              description =
                  "RUNNING counts down; PAUSED holds its time while the ticket is suspended;"
                      + " STOPPED: fulfilled, nothing awaiting a reply, or the ticket is closed")
          MetricStatus.State state,
      @Schema(description = "The target in business seconds", example = "3600") long targetSeconds,
      @Schema(
              description = "Business seconds left, negative once overdue; null when STOPPED",
              example = "1234")
          Long remainingBusinessSeconds,
      @Schema(description = "The wall-clock instant it is due; null unless RUNNING") Instant dueAt,
      boolean warned,
      boolean breached) {

    static Metric from(MetricStatus status) {
      return new Metric(
          status.metric(),
          status.state(),
          status.target().toSeconds(),
          seconds(status.remaining()),
          status.dueAt(),
          status.warned(),
          status.breached());
    }
  }

  static SlaDto of(TicketState ticket, Instant now) {
    SlaStatus status = SlaStatus.of(ticket, now);
    AppliedSla applied = ticket.sla;
    return new SlaDto(
        seconds(status.remainingToAssign()),
        seconds(status.remainingToResolve()),
        status.resolutionEta(),
        seconds(status.remainingSuspended()),
        status.assignBreached(),
        status.resolveBreached(),
        applied == null || applied.policyId() == null
            ? null
            : new Ref(applied.policyId(), applied.policyName()),
        applied == null || applied.calendarId() == null
            ? null
            : new Ref(applied.calendarId(), applied.calendarName()),
        SlaStatus.metrics(ticket, now).stream().map(Metric::from).toList());
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }
}
