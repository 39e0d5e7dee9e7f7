package dev.tempodesk.api.stats;

import dev.tempodesk.db.ticket.TagRepository;
import dev.tempodesk.workflows.ticket.SlaMetric;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Response bodies of {@code /api/stats}. Durations are whole seconds; null when nothing to average.
 */
final class StatsDtos {
  private StatsDtos() {}

  record AgentRef(long id, String name) {}

  @Schema(
      description =
          "SLA compliance of one metric: instances met and breached, counted in the hour of their"
              + " fulfilment (or of the breach while unfulfilled); the percent is"
              + " met / (met + breached), null when there is none.")
  record MetricComplianceDto(SlaMetric metric, int met, int breached, Double compliancePercent) {}

  record AgentComplianceDto(AgentRef agent, List<MetricComplianceDto> metrics) {}

  record AgentHourDto(AgentRef agent, int closed, long medianResolutionSeconds) {}

  record HourDto(
      OffsetDateTime hourStart,
      int created,
      int closed,
      Long avgFirstResponseSeconds,
      Long avgResolutionSeconds,
      Double slaCompliancePercent,
      AgentRef mostEfficientAgent,
      List<AgentHourDto> agents,
      @Schema(
              description =
                  "Per SLA metric, in the order TIME_TO_ASSIGN, FIRST_RESPONSE,"
                      + " NEXT_REPLY, RESOLUTION.")
          List<MetricComplianceDto> compliance) {}

  record HourlyDto(OffsetDateTime from, OffsetDateTime to, List<HourDto> hours) {}

  record AgentFiguresDto(
      AgentRef agent, int closed, long medianResolutionSeconds, Double slaCompliancePercent) {}

  record AgentsDto(
      OffsetDateTime from,
      OffsetDateTime to,
      List<AgentFiguresDto> agents,
      AgentRef mostEfficientAgent,
      String mostEfficientDefinition,
      @Schema(
              description =
                  "SLA compliance per agent who fulfilled an SLA metric (replied, closed,"
                      + " assigned) or held a ticket when it breached, by name.")
          List<AgentComplianceDto> compliance) {}

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
      String mostEfficientDefinition,
      List<MetricComplianceDto> compliance) {}

  /** Tickets per tag (issue 19): created in [from, to), and open now. */
  record TagsDto(OffsetDateTime from, OffsetDateTime to, List<TagRepository.TagFigures> tags) {}
}
