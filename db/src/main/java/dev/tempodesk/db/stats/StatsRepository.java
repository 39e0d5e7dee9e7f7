package dev.tempodesk.db.stats;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.STATS_CLOSINGS;
import static dev.tempodesk.db.jooq.Tables.STATS_HOURS;
import static dev.tempodesk.db.jooq.Tables.STATS_SLA_OUTCOMES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;

import dev.tempodesk.db.jooq.tables.records.StatsClosingsRecord;
import dev.tempodesk.db.jooq.tables.records.StatsHoursRecord;
import dev.tempodesk.db.jooq.tables.records.StatsSlaOutcomesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The inputs of the hourly statistics (tickets, audit trail) and the stored figures. Every range is
 * half-open: {@code from <= t < to}.
 */
@Repository
public class StatsRepository {
  private final DSLContext dsl;

  public StatsRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<OffsetDateTime> lastBucket() {
    return Optional.ofNullable(
        dsl.select(DSL.max(STATS_HOURS.BUCKET_START))
            .from(STATS_HOURS)
            .fetchOne(0, OffsetDateTime.class));
  }

  public Optional<OffsetDateTime> firstTicketCreatedAt() {
    return Optional.ofNullable(
        dsl.select(DSL.min(TICKETS.CREATED_AT)).from(TICKETS).fetchOne(0, OffsetDateTime.class));
  }

  public int countCreated(OffsetDateTime from, OffsetDateTime to) {
    return dsl.fetchCount(TICKETS, TICKETS.CREATED_AT.ge(from).and(TICKETS.CREATED_AT.lt(to)));
  }

  /** Count and total (ms) of first responses that happened in the range, measured from creation. */
  public Totals firstResponses(OffsetDateTime from, OffsetDateTime to) {
    Field<BigDecimal> millis =
        DSL.field(
            "extract(epoch from ({0} - {1})) * 1000",
            BigDecimal.class, TICKETS.FIRST_RESPONSE_AT, TICKETS.CREATED_AT);
    var row =
        dsl.select(DSL.count(), DSL.coalesce(DSL.sum(millis), BigDecimal.ZERO))
            .from(TICKETS)
            .where(TICKETS.FIRST_RESPONSE_AT.ge(from).and(TICKETS.FIRST_RESPONSE_AT.lt(to)))
            .fetchSingle();
    return new Totals(row.value1(), row.value2().longValue());
  }

  /**
   * The whole audit trail of every ticket with an audit event in the range (a reply, a closing, an
   * assignment, an SLA alarm …), ordered per ticket as it happened. Whole, not cut at the range's
   * end: the first recorded change of a field tells what it was at creation, and a later fulfilment
   * tells whether a breach in the range is still open.
   */
  public Map<Long, ? extends List<TicketEventsRecord>> historiesOfTicketsWithEventsIn(
      OffsetDateTime from, OffsetDateTime to) {
    var touched =
        DSL.selectDistinct(TICKET_EVENTS.TICKET_NUMBER)
            .from(TICKET_EVENTS)
            .where(TICKET_EVENTS.OCCURRED_AT.ge(from))
            .and(TICKET_EVENTS.OCCURRED_AT.lt(to));
    return dsl.selectFrom(TICKET_EVENTS)
        .where(TICKET_EVENTS.TICKET_NUMBER.in(touched))
        .orderBy(
            TICKET_EVENTS.TICKET_NUMBER,
            TICKET_EVENTS.OCCURRED_AT,
            TICKET_EVENTS.TICKET_VERSION,
            TICKET_EVENTS.ID)
        .fetchGroups(TICKET_EVENTS.TICKET_NUMBER);
  }

  /** When each of the tickets' customers wrote (messages authored by a contact), oldest first. */
  public Map<Long, List<OffsetDateTime>> customerMessageTimes(Collection<Long> numbers) {
    return dsl.select(MESSAGES.TICKET_NUMBER, MESSAGES.OCCURRED_AT)
        .from(MESSAGES)
        .where(MESSAGES.TICKET_NUMBER.in(numbers))
        .and(MESSAGES.AUTHOR_CONTACT_ID.isNotNull())
        .orderBy(MESSAGES.TICKET_NUMBER, MESSAGES.OCCURRED_AT)
        .fetchGroups(MESSAGES.TICKET_NUMBER, MESSAGES.OCCURRED_AT);
  }

  public Map<Long, TicketsRecord> tickets(Collection<Long> numbers) {
    return dsl.selectFrom(TICKETS).where(TICKETS.NUMBER.in(numbers)).fetchMap(TICKETS.NUMBER);
  }

  /**
   * Replaces the figures of one hour as a whole, with the SLA outcomes counted in it; run it in a
   * transaction. An outcome is one instance of a metric on a ticket: if a row for it is stored in
   * another hour (a breach counted in its hour, fulfilled in this one), it moves here.
   */
  public void replaceHour(
      StatsHoursRecord hour,
      List<StatsClosingsRecord> closings,
      List<StatsSlaOutcomesRecord> outcomes) {
    dsl.deleteFrom(STATS_HOURS).where(STATS_HOURS.BUCKET_START.eq(hour.getBucketStart())).execute();
    dsl.insertInto(STATS_HOURS).set(hour).execute();
    if (!closings.isEmpty()) {
      dsl.batchInsert(closings).execute();
    }
    if (!outcomes.isEmpty()) {
      dsl.batch(
              outcomes.stream()
                  .map(
                      outcome ->
                          dsl.insertInto(STATS_SLA_OUTCOMES)
                              .set(outcome)
                              .onConflict(
                                  STATS_SLA_OUTCOMES.TICKET_NUMBER,
                                  STATS_SLA_OUTCOMES.METRIC,
                                  STATS_SLA_OUTCOMES.CYCLE)
                              .doUpdate()
                              .set(STATS_SLA_OUTCOMES.BUCKET_START, outcome.getBucketStart())
                              .set(STATS_SLA_OUTCOMES.AGENT_ID, outcome.getAgentId())
                              .set(STATS_SLA_OUTCOMES.COUNTED_AT, outcome.getCountedAt())
                              .set(STATS_SLA_OUTCOMES.FULFILLED, outcome.getFulfilled())
                              .set(STATS_SLA_OUTCOMES.MET, outcome.getMet()))
                  .toList())
          .execute();
    }
  }

  /**
   * How many SLA outcomes of each metric were met and breached, per hour and agent, in the range of
   * hours.
   */
  public List<ComplianceCount> complianceCounts(OffsetDateTime from, OffsetDateTime to) {
    return dsl.select(
            STATS_SLA_OUTCOMES.BUCKET_START,
            STATS_SLA_OUTCOMES.AGENT_ID,
            STATS_SLA_OUTCOMES.METRIC,
            DSL.count().filterWhere(STATS_SLA_OUTCOMES.MET),
            DSL.count().filterWhere(DSL.not(STATS_SLA_OUTCOMES.MET)))
        .from(STATS_SLA_OUTCOMES)
        .where(STATS_SLA_OUTCOMES.BUCKET_START.ge(from))
        .and(STATS_SLA_OUTCOMES.BUCKET_START.lt(to))
        .groupBy(
            STATS_SLA_OUTCOMES.BUCKET_START, STATS_SLA_OUTCOMES.AGENT_ID, STATS_SLA_OUTCOMES.METRIC)
        .orderBy(STATS_SLA_OUTCOMES.BUCKET_START, STATS_SLA_OUTCOMES.METRIC)
        .fetch(
            r -> new ComplianceCount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  public List<StatsHoursRecord> hours(OffsetDateTime from, OffsetDateTime to) {
    return dsl.selectFrom(STATS_HOURS)
        .where(STATS_HOURS.BUCKET_START.ge(from).and(STATS_HOURS.BUCKET_START.lt(to)))
        .orderBy(STATS_HOURS.BUCKET_START)
        .fetch();
  }

  public List<StatsClosingsRecord> closings(OffsetDateTime from, OffsetDateTime to) {
    return dsl.selectFrom(STATS_CLOSINGS)
        .where(STATS_CLOSINGS.BUCKET_START.ge(from).and(STATS_CLOSINGS.BUCKET_START.lt(to)))
        .orderBy(STATS_CLOSINGS.BUCKET_START, STATS_CLOSINGS.CLOSED_AT, STATS_CLOSINGS.EVENT_ID)
        .fetch();
  }

  /** A count and the sum of the measured durations in milliseconds. */
  public record Totals(int count, long totalMs) {}

  /** Met and breached instances of one SLA metric in one hour for one agent (or none). */
  public record ComplianceCount(
      OffsetDateTime hour, Long agentId, String metric, int met, int breached) {}
}
