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
          Trails trails = trailsOfTicketsWithEventsIn(from, to);
          List<Closing> closings = closingsIn(trails, from, to);
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
              slaOutcomesIn(trails, from, to).stream().map(o -> toRow(from, o)).toList());
        });
  }

  /**
   * The whole audit trail and the row of every ticket with an audit event in the hour: whatever
   * counts in an hour (a closing, a reply, an assignment, a breach) is such an event.
   */
  private record Trails(
      Map<Long, ? extends List<TicketEventsRecord>> events, Map<Long, TicketsRecord> tickets) {}

  private Trails trailsOfTicketsWithEventsIn(OffsetDateTime from, OffsetDateTime to) {
    Map<Long, ? extends List<TicketEventsRecord>> events =
        stats.historiesOfTicketsWithEventsIn(from, to);
    return new Trails(events, events.isEmpty() ? Map.of() : stats.tickets(events.keySet()));
  }

  List<Closing> closingsIn(OffsetDateTime from, OffsetDateTime to) {
    return closingsIn(trailsOfTicketsWithEventsIn(from, to), from, to);
  }

  private List<Closing> closingsIn(Trails trails, OffsetDateTime from, OffsetDateTime to) {
    List<Closing> closings = new ArrayList<>();
    trails
        .events()
        .forEach(
            (number, trail) ->
                closings.addAll(
                    timeline.closingsIn(
                        trails.tickets().get(number), trail, from.toInstant(), to.toInstant())));
    closings.sort(Comparator.comparing(Closing::closedAt).thenComparing(Closing::eventId));
    return closings;
  }

  /**
   * The SLA outcomes counted in the hour: instances fulfilled in it, and instances that breached in
   * it and are not fulfilled (as far as the trail goes now).
   */
  private List<SlaOutcome> slaOutcomesIn(Trails trails, OffsetDateTime from, OffsetDateTime to) {
    if (trails.events().isEmpty()) {
      return List.of();
    }
    Map<Long, List<OffsetDateTime>> messages = stats.customerMessageTimes(trails.events().keySet());
    List<SlaOutcome> outcomes = new ArrayList<>();
    trails
        .events()
        .forEach(
            (number, trail) ->
                compliance
                    .outcomes(
                        trails.tickets().get(number),
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
