package dev.tempodesk.activities.stats;

import static dev.tempodesk.activities.stats.StatsFixtures.utc;
import static dev.tempodesk.db.jooq.Tables.STATS_CLOSINGS;
import static dev.tempodesk.db.jooq.Tables.STATS_HOURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tempodesk.db.jooq.tables.records.StatsHoursRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures of the fixed day in {@link StatsFixtures}, against values computed by hand. Minutes
 * below are "worked" minutes: NEW or OPEN, from creation to the closing.
 */
class StatsFiguresIntegrationTest {
  private static final long MINUTE = 60_000;

  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final StatsActivitiesImpl activities = StatsFixtures.activities(jooq);
  private StatsFixtures fixtures;

  @BeforeEach
  void insertTheDay() {
    fixtures = new StatsFixtures(dsl).insert();
  }

  @Test
  void shouldComputeTheBusyHourAsByHand() {
    activities.computeHour(StatsFixtures.at("10:00").toEpochMilli());

    StatsHoursRecord hour = hour("10:00");
    // created 10:00-11:00: 1002 (10:05), 1005 (10:10), 1004 (10:50)
    assertThat(hour.getCreated()).isEqualTo(3);
    // first responses 10:00-11:00: 1002 after 10 min, 1005 after 15 min -> 2, 25 min in total
    assertThat(hour.getFirstResponses()).isEqualTo(2);
    assertThat(hour.getFirstResponseMsTotal()).isEqualTo(25 * MINUTE);
    // closings 10:00-11:00: 1001 at 10:20, 1002 at 10:35, 1003 at 10:40, 1005 at 10:45
    assertThat(hour.getClosed()).isEqualTo(4);
    // 1001: 09:00-09:30 + 10:00-10:20 (pending 09:30-10:00 excluded) = 50 min
    // 1002: 10:05-10:35 = 30 min; 1003: 08:00-10:40 = 160 min; 1005: 10:10-10:30 = 20 min
    // total 260 min (average 65 min)
    assertThat(hour.getResolutionMsTotal()).isEqualTo(260 * MINUTE);
    // 1003 breached its resolve SLA at 09:00 before closing: 3 of 4 met = 75 %
    assertThat(hour.getSlaMet()).isEqualTo(3);
    // Ann closed 1001 (50) and 1005 (20): 2, median 35 min; Bob 1002 (30) and 1003 (160): 2,
    // median 95 min. Equal counts, so the lower median wins: Ann.
    assertThat(hour.getMostEfficientAgentId()).isEqualTo(fixtures.ann);
    assertThat(
            dsl.selectFrom(STATS_CLOSINGS)
                .where(STATS_CLOSINGS.BUCKET_START.eq(utc("10:00")))
                .orderBy(STATS_CLOSINGS.CLOSED_AT)
                .fetch())
        .extracting(
            c -> c.getTicketNumber(),
            c -> c.getAgentId(),
            c -> c.getResolutionMs(),
            c -> c.getSlaMet())
        .containsExactly(
            tuple(1001L, fixtures.ann, 50 * MINUTE, true),
            tuple(1002L, fixtures.bob, 30 * MINUTE, true),
            tuple(1003L, fixtures.bob, 160 * MINUTE, false),
            tuple(1005L, fixtures.ann, 20 * MINUTE, true));
    assertThat(AgentFigures.of(activities.closingsIn(utc("10:00"), utc("11:00"))))
        .containsExactly(
            new AgentFigures(fixtures.ann, 2, 35 * MINUTE, 2),
            new AgentFigures(fixtures.bob, 2, 95 * MINUTE, 1));
  }

  @Test
  void shouldNotCountTimeClosedBeforeAReopening() {
    activities.computeHour(StatsFixtures.at("11:00").toEpochMilli());

    StatsHoursRecord hour = hour("11:00");
    // 1002 reclosed at 11:50: 10:05-10:35 + 11:30-11:50 = 50 min (closed 10:35-11:30 excluded)
    assertThat(hour.getCreated()).isZero();
    assertThat(hour.getClosed()).isEqualTo(1);
    assertThat(hour.getResolutionMsTotal()).isEqualTo(50 * MINUTE);
    assertThat(hour.getSlaMet()).isEqualTo(1);
    assertThat(hour.getMostEfficientAgentId()).isEqualTo(fixtures.bob);
  }

  @Test
  void shouldStoreAQuietHourAsZeros() {
    activities.computeHour(StatsFixtures.at("09:00").toEpochMilli());

    StatsHoursRecord hour = hour("09:00");
    // 1001 created 09:00 and first answered 09:20; nothing closed
    assertThat(hour.getCreated()).isEqualTo(1);
    assertThat(hour.getFirstResponses()).isEqualTo(1);
    assertThat(hour.getFirstResponseMsTotal()).isEqualTo(20 * MINUTE);
    assertThat(hour.getClosed()).isZero();
    assertThat(hour.getMostEfficientAgentId()).isNull();
  }

  @Test
  void shouldLeaveTheSameFiguresWhenAnHourIsComputedAgain() {
    long tenOClock = StatsFixtures.at("10:00").toEpochMilli();
    activities.computeHour(tenOClock);
    activities.computeHour(tenOClock);

    assertThat(dsl.fetchCount(STATS_HOURS)).isEqualTo(1);
    assertThat(dsl.fetchCount(STATS_CLOSINGS)).isEqualTo(4);
    assertThat(hour("10:00").getResolutionMsTotal()).isEqualTo(260 * MINUTE);
  }

  @Test
  void shouldResumeAfterTheLastStoredHourOrFromTheFirstTicket() {
    long now = StatsFixtures.at("23:00").toEpochMilli();
    // nothing stored: the hour of the first ticket, 1003 at 08:00
    assertThat(activities.firstHourToCompute(now))
        .isEqualTo(StatsFixtures.at("08:00").toEpochMilli());

    activities.computeHour(StatsFixtures.at("10:00").toEpochMilli());

    assertThat(activities.firstHourToCompute(now))
        .isEqualTo(StatsFixtures.at("11:00").toEpochMilli());
  }

  private StatsHoursRecord hour(String start) {
    return dsl.selectFrom(STATS_HOURS).where(STATS_HOURS.BUCKET_START.eq(utc(start))).fetchSingle();
  }
}
