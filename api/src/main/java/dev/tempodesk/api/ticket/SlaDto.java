package dev.tempodesk.api.ticket;

import dev.tempodesk.workflows.ticket.SlaStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;

/**
 * A ticket's SLA at the moment of the request, computed from the workflow's clock state as stored
 * in the projection (the workflow's query computes the same from the same state).
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
    boolean resolveBreached) {

  static SlaDto from(SlaStatus status) {
    return new SlaDto(
        seconds(status.remainingToAssign()),
        seconds(status.remainingToResolve()),
        status.resolutionEta(),
        seconds(status.remainingSuspended()),
        status.assignBreached(),
        status.resolveBreached());
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }
}
