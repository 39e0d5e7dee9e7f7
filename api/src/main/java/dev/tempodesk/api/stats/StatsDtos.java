package dev.tempodesk.api.stats;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Response bodies of {@code /api/stats}. Durations are whole seconds; null when nothing to average.
 */
final class StatsDtos {
  private StatsDtos() {}

  record AgentRef(long id, String name) {}

  record AgentHourDto(AgentRef agent, int closed, long medianResolutionSeconds) {}

  record HourDto(
      OffsetDateTime hourStart,
      int created,
      int closed,
      Long avgFirstResponseSeconds,
      Long avgResolutionSeconds,
      Double slaCompliancePercent,
      AgentRef mostEfficientAgent,
      List<AgentHourDto> agents) {}

  record HourlyDto(OffsetDateTime from, OffsetDateTime to, List<HourDto> hours) {}

  record AgentFiguresDto(
      AgentRef agent, int closed, long medianResolutionSeconds, Double slaCompliancePercent) {}

  record AgentsDto(
      OffsetDateTime from,
      OffsetDateTime to,
      List<AgentFiguresDto> agents,
      AgentRef mostEfficientAgent,
      String mostEfficientDefinition) {}

  record SummaryDto(
      OffsetDateTime from,
      OffsetDateTime to,
      int hoursComputed,
      OffsetDateTime lastComputedHour,
      int created,
      int closed,
      Long avgFirstResponseSeconds,
      Long avgResolutionSeconds,
      Double slaCompliancePercent,
      AgentRef mostEfficientAgent,
      String mostEfficientDefinition) {}
}
