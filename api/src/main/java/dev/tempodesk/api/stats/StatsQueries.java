package dev.tempodesk.api.stats;

import dev.tempodesk.activities.stats.AgentFigures;
import dev.tempodesk.activities.stats.Closing;
import dev.tempodesk.api.stats.StatsDtos.AgentComplianceDto;
import dev.tempodesk.api.stats.StatsDtos.AgentFiguresDto;
import dev.tempodesk.api.stats.StatsDtos.AgentHourDto;
import dev.tempodesk.api.stats.StatsDtos.AgentRef;
import dev.tempodesk.api.stats.StatsDtos.AgentsDto;
import dev.tempodesk.api.stats.StatsDtos.HourDto;
import dev.tempodesk.api.stats.StatsDtos.HourlyDto;
import dev.tempodesk.api.stats.StatsDtos.MetricComplianceDto;
import dev.tempodesk.api.stats.StatsDtos.SummaryDto;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.StatsClosingsRecord;
import dev.tempodesk.db.jooq.tables.records.StatsHoursRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.stats.StatsRepository;
import dev.tempodesk.db.stats.StatsRepository.ComplianceCount;
import dev.tempodesk.workflows.ticket.SlaMetric;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Reads the stored hourly figures and combines them over a range of hours. */
@Service
class StatsQueries {
  static final String MOST_EFFICIENT_DEFINITION =
      "The agent who closed the most tickets in the range; among equals the one with the lower"
          + " median resolution time (NEW/OPEN time from creation to closing), then the lower id.";

  private final StatsRepository stats;
  private final AgentRepository agents;

  StatsQueries(StatsRepository stats, AgentRepository agents) {
    this.stats = stats;
    this.agents = agents;
  }

  HourlyDto hourly(OffsetDateTime from, OffsetDateTime to) {
    Map<Long, String> names = agentNames();
    Map<OffsetDateTime, List<Closing>> closingsByHour =
        closings(from, to).stream()
            .collect(
                Collectors.groupingBy(
                    HourClosing::closedAtHour,
                    Collectors.mapping(HourClosing::closing, Collectors.toList())));
    Map<OffsetDateTime, List<ComplianceCount>> complianceByHour =
        stats.complianceCounts(from, to).stream()
            .collect(Collectors.groupingBy(ComplianceCount::hour));
    List<HourDto> hours =
        stats.hours(from, to).stream()
            .map(
                hour ->
                    toDto(
                        hour,
                        closingsByHour.getOrDefault(hour.getBucketStart(), List.of()),
                        complianceByHour.getOrDefault(hour.getBucketStart(), List.of()),
                        names))
            .toList();
    return new HourlyDto(from, to, hours);
  }

  AgentsDto agents(OffsetDateTime from, OffsetDateTime to) {
    Map<Long, String> names = agentNames();
    List<AgentFigures> figures =
        AgentFigures.of(closings(from, to).stream().map(HourClosing::closing).toList());
    return new AgentsDto(
        from,
        to,
        figures.stream()
            .map(
                f ->
                    new AgentFiguresDto(
                        ref(f.agentId(), names),
                        f.closed(),
                        seconds(f.medianResolutionMs()),
                        percent(f.slaMet(), f.closed())))
            .toList(),
        figures.isEmpty() ? null : ref(figures.getFirst().agentId(), names),
        MOST_EFFICIENT_DEFINITION,
        stats.complianceCounts(from, to).stream()
            .filter(c -> c.agentId() != null)
            .collect(Collectors.groupingBy(ComplianceCount::agentId))
            .entrySet()
            .stream()
            .map(
                agent ->
                    new AgentComplianceDto(
                        ref(agent.getKey(), names), compliance(agent.getValue())))
            .sorted(
                Comparator.comparing(
                        (AgentComplianceDto a) -> Objects.toString(a.agent().name(), ""))
                    .thenComparingLong(a -> a.agent().id()))
            .toList());
  }

  SummaryDto summary(OffsetDateTime from, OffsetDateTime to) {
    Map<Long, String> names = agentNames();
    List<StatsHoursRecord> hours = stats.hours(from, to);
    int created = hours.stream().mapToInt(StatsHoursRecord::getCreated).sum();
    int closed = hours.stream().mapToInt(StatsHoursRecord::getClosed).sum();
    int firstResponses = hours.stream().mapToInt(StatsHoursRecord::getFirstResponses).sum();
    long firstResponseMs =
        hours.stream().mapToLong(StatsHoursRecord::getFirstResponseMsTotal).sum();
    long resolutionMs = hours.stream().mapToLong(StatsHoursRecord::getResolutionMsTotal).sum();
    int slaMet = hours.stream().mapToInt(StatsHoursRecord::getSlaMet).sum();
    List<AgentFigures> figures =
        AgentFigures.of(closings(from, to).stream().map(HourClosing::closing).toList());
    return new SummaryDto(
        from,
        to,
        hours.size(),
        stats.lastBucket().orElse(null),
        created,
        closed,
        average(firstResponseMs, firstResponses),
        average(resolutionMs, closed),
        percent(slaMet, closed),
        figures.isEmpty() ? null : ref(figures.getFirst().agentId(), names),
        MOST_EFFICIENT_DEFINITION,
        compliance(stats.complianceCounts(from, to)));
  }

  /** Met and breached per metric, every metric present, in {@link SlaMetric} order. */
  private static List<MetricComplianceDto> compliance(List<ComplianceCount> counts) {
    return Arrays.stream(SlaMetric.values())
        .map(
            metric -> {
              int met = 0;
              int breached = 0;
              for (ComplianceCount count : counts) {
                if (count.metric().equals(metric.name())) {
                  met += count.met();
                  breached += count.breached();
                }
              }
              return new MetricComplianceDto(metric, met, breached, percent(met, met + breached));
            })
        .toList();
  }

  private HourDto toDto(
      StatsHoursRecord hour,
      List<Closing> closings,
      List<ComplianceCount> compliance,
      Map<Long, String> names) {
    return new HourDto(
        hour.getBucketStart(),
        hour.getCreated(),
        hour.getClosed(),
        average(hour.getFirstResponseMsTotal(), hour.getFirstResponses()),
        average(hour.getResolutionMsTotal(), hour.getClosed()),
        percent(hour.getSlaMet(), hour.getClosed()),
        hour.getMostEfficientAgentId() == null ? null : ref(hour.getMostEfficientAgentId(), names),
        AgentFigures.of(closings).stream()
            .map(
                f ->
                    new AgentHourDto(
                        ref(f.agentId(), names), f.closed(), seconds(f.medianResolutionMs())))
            .toList(),
        compliance(compliance));
  }

  private record HourClosing(OffsetDateTime closedAtHour, Closing closing) {}

  private List<HourClosing> closings(OffsetDateTime from, OffsetDateTime to) {
    return stats.closings(from, to).stream().map(StatsQueries::toClosing).toList();
  }

  private static HourClosing toClosing(StatsClosingsRecord row) {
    return new HourClosing(
        row.getBucketStart(),
        new Closing(
            row.getEventId(),
            row.getTicketNumber(),
            row.getAgentId(),
            row.getClosedAt().toInstant(),
            row.getResolutionMs(),
            row.getSlaMet()));
  }

  private Map<Long, String> agentNames() {
    return agents.listAll().stream()
        .collect(Collectors.toMap(AgentsRecord::getId, AgentsRecord::getDisplayName));
  }

  private static AgentRef ref(long agentId, Map<Long, String> names) {
    return new AgentRef(agentId, names.get(agentId));
  }

  private static Long average(long totalMs, int count) {
    return count == 0 ? null : seconds(Math.round((double) totalMs / count));
  }

  private static long seconds(long millis) {
    return Math.round(millis / 1000.0);
  }

  private static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }
}
