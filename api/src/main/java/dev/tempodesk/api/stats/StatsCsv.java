package dev.tempodesk.api.stats;

import dev.tempodesk.api.export.CsvWriter;
import dev.tempodesk.api.stats.StatsDtos.AgentFiguresDto;
import dev.tempodesk.api.stats.StatsDtos.AgentRef;
import dev.tempodesk.api.stats.StatsDtos.AgentsDto;
import dev.tempodesk.api.stats.StatsDtos.HourDto;
import dev.tempodesk.api.stats.StatsDtos.HourlyDto;
import dev.tempodesk.api.stats.StatsDtos.MetricComplianceDto;
import dev.tempodesk.workflows.ticket.SlaMetric;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** The statistics' CSV files: the figures of {@code /hourly} and {@code /agents}, flattened. */
final class StatsCsv {
  private StatsCsv() {}

  /** One row per computed hour; per SLA metric its met and breached columns. */
  static byte[] hourly(HourlyDto hourly) {
    List<Object> header =
        new ArrayList<>(
            List.of(
                "hour_start",
                "created",
                "closed",
                "avg_first_response_seconds",
                "avg_resolution_seconds",
                "sla_compliance_percent",
                "most_efficient_agent"));
    for (SlaMetric metric : SlaMetric.values()) {
      header.add(metric.name().toLowerCase() + "_met");
      header.add(metric.name().toLowerCase() + "_breached");
    }
    return write(
        header,
        hourly.hours().stream()
            .map(
                hour -> {
                  List<Object> cells =
                      new ArrayList<>(
                          java.util.Arrays.asList(
                              hour.hourStart().toInstant(),
                              hour.created(),
                              hour.closed(),
                              hour.avgFirstResponseSeconds(),
                              hour.avgResolutionSeconds(),
                              hour.slaCompliancePercent(),
                              name(hour.mostEfficientAgent())));
                  for (SlaMetric metric : SlaMetric.values()) {
                    MetricComplianceDto figures = compliance(hour, metric);
                    cells.add(figures == null ? 0 : figures.met());
                    cells.add(figures == null ? 0 : figures.breached());
                  }
                  return cells;
                })
            .toList());
  }

  /** One row per agent who closed a ticket in the range, most closings first (as /agents). */
  static byte[] agents(AgentsDto agents) {
    return write(
        List.of("agent", "closed", "median_resolution_seconds", "sla_compliance_percent"),
        agents.agents().stream()
            .map(
                (AgentFiguresDto agent) ->
                    java.util.Arrays.<Object>asList(
                        name(agent.agent()),
                        agent.closed(),
                        agent.medianResolutionSeconds(),
                        agent.slaCompliancePercent()))
            .toList());
  }

  private static MetricComplianceDto compliance(HourDto hour, SlaMetric metric) {
    if (hour.compliance() == null) {
      return null;
    }
    return hour.compliance().stream().filter(c -> c.metric() == metric).findFirst().orElse(null);
  }

  private static String name(AgentRef agent) {
    return agent == null ? null : agent.name();
  }

  private static byte[] write(List<?> header, List<List<Object>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvWriter csv = new CsvWriter(bytes);
    csv.row(header);
    rows.forEach(csv::row);
    csv.flush();
    return bytes.toByteArray();
  }
}
