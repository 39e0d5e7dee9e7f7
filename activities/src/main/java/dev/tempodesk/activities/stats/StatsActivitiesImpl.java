package dev.tempodesk.activities.stats;

import dev.tempodesk.db.jooq.tables.records.StatsClosingsRecord;
import dev.tempodesk.db.jooq.tables.records.StatsHoursRecord;
import dev.tempodesk.db.jooq.tables.records.StatsSlaOutcomesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.stats.StatsRepository;
import dev.tempodesk.workflows.stats.StatsActivities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes one hour's figures from the tickets and their audit trail and stores them in place of
 * whatever that hour had, so running it again (a retry, a backfill) changes nothing.
 */
@Component("statsActivities")
public class StatsActivitiesImpl implements StatsActivities {
  private final StatsRepository stats;
  private final TransactionTemplate transaction;
  private final ClosingTimeline timeline;
  private final ComplianceTimeline compliance;
  private final Clock clock;

  public StatsActivitiesImpl(
      StatsRepository stats, TransactionTemplate transaction, JsonMapper json, Clock clock) {
    this.stats = stats;
    this.transaction = transaction;
    this.timeline = new ClosingTimeline(json);
    this.compliance = new ComplianceTimeline(timeline);
    this.clock = clock;
  }

  @Override
  public long firstHourToCompute(long currentHour) {
    return stats
        .lastBucket()
        .map(last -> last.toInstant().plus(Duration.ofHours(1)))
        .or(
            () ->
                stats
                    .firstTicketCreatedAt()
                    .map(first -> first.toInstant().truncatedTo(ChronoUnit.HOURS)))
        .map(Instant::toEpochMilli)
        .orElse(currentHour);
  }

  @Override
  public void computeHour(long hourStart) {
    OffsetDateTime from = at(Instant.ofEpochMilli(hourStart));
    OffsetDateTime to = from.plusHours(1);
    transaction.executeWithoutResult(
        status -> {
          List<Closing> closings = closingsIn(from, to);
          StatsRepository.Totals firstResponses = stats.firstResponses(from, to);
          StatsHoursRecord hour =
              new StatsHoursRecord()
                  .setBucketStart(from)
                  .setCreated(stats.countCreated(from, to))
                  .setClosed(closings.size())
                  .setFirstResponses(firstResponses.count())
                  .setFirstResponseMsTotal(firstResponses.totalMs())
                  .setResolutionMsTotal(closings.stream().mapToLong(Closing::resolutionMs).sum())
                  .setSlaMet((int) closings.stream().filter(Closing::slaMet).count())
                  .setMostEfficientAgentId(AgentFigures.mostEfficient(closings).orElse(null))
                  .setComputedAt(at(clock.instant()));
          stats.replaceHour(
              hour,
              closings.stream().map(c -> toRow(from, c)).toList(),
              slaOutcomesIn(from, to).stream().map(o -> toRow(from, o)).toList());
        });
  }

  List<Closing> closingsIn(OffsetDateTime from, OffsetDateTime to) {
    Map<Long, ? extends List<TicketEventsRecord>> trails =
        stats.historiesOfTicketsClosedIn(from, to);
    Map<Long, TicketsRecord> tickets = stats.tickets(trails.keySet());
    List<Closing> closings = new ArrayList<>();
    trails.forEach(
        (number, trail) ->
            closings.addAll(
                timeline.closingsIn(tickets.get(number), trail, from.toInstant(), to.toInstant())));
    closings.sort(Comparator.comparing(Closing::closedAt).thenComparing(Closing::eventId));
    return closings;
  }

  /**
   * The SLA outcomes counted in the hour: instances fulfilled in it, and instances that breached in
   * it and are not fulfilled (as far as the trail goes now).
   */
  List<SlaOutcome> slaOutcomesIn(OffsetDateTime from, OffsetDateTime to) {
    Map<Long, ? extends List<TicketEventsRecord>> trails =
        stats.historiesOfTicketsWithEventsIn(from, to);
    Map<Long, TicketsRecord> tickets = stats.tickets(trails.keySet());
    Map<Long, List<OffsetDateTime>> messages = stats.customerMessageTimes(trails.keySet());
    List<SlaOutcome> outcomes = new ArrayList<>();
    trails.forEach(
        (number, trail) ->
            compliance
                .outcomes(
                    tickets.get(number),
                    trail,
                    messages.getOrDefault(number, List.of()).stream()
                        .map(OffsetDateTime::toInstant)
                        .toList())
                .stream()
                .filter(
                    o ->
                        !o.countedAt().isBefore(from.toInstant())
                            && o.countedAt().isBefore(to.toInstant()))
                .forEach(outcomes::add));
    outcomes.sort(
        Comparator.comparing(SlaOutcome::countedAt)
            .thenComparingLong(SlaOutcome::ticketNumber)
            .thenComparing(SlaOutcome::metric)
            .thenComparingInt(SlaOutcome::cycle));
    return outcomes;
  }

  private static StatsSlaOutcomesRecord toRow(OffsetDateTime bucket, SlaOutcome outcome) {
    return new StatsSlaOutcomesRecord()
        .setTicketNumber(outcome.ticketNumber())
        .setMetric(outcome.metric().name())
        .setCycle(outcome.cycle())
        .setBucketStart(bucket)
        .setAgentId(outcome.agentId())
        .setCountedAt(at(outcome.countedAt()))
        .setFulfilled(outcome.fulfilled())
        .setMet(outcome.met());
  }

  private static StatsClosingsRecord toRow(OffsetDateTime bucket, Closing closing) {
    return new StatsClosingsRecord()
        .setEventId(closing.eventId())
        .setBucketStart(bucket)
        .setTicketNumber(closing.ticketNumber())
        .setAgentId(closing.agentId())
        .setClosedAt(at(closing.closedAt()))
        .setResolutionMs(closing.resolutionMs())
        .setSlaMet(closing.slaMet());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
