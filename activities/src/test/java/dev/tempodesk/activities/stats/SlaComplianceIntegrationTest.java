package dev.tempodesk.activities.stats;

import static dev.tempodesk.activities.stats.StatsFixtures.assignee;
import static dev.tempodesk.activities.stats.StatsFixtures.breached;
import static dev.tempodesk.activities.stats.StatsFixtures.firstResponseAt;
import static dev.tempodesk.activities.stats.StatsFixtures.status;
import static dev.tempodesk.activities.stats.StatsFixtures.utc;
import static dev.tempodesk.db.jooq.Tables.STATS_SLA_OUTCOMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tempodesk.db.stats.StatsRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA compliance per metric, per hour and per agent, from audit events and messages written in the
 * shapes the ticket workflow writes them (contract B of issue 18), on 2026-03-02 (UTC).
 */
class SlaComplianceIntegrationTest {
  private static final boolean MET = true;
  private static final boolean BREACHED = false;

  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final StatsActivitiesImpl activities = StatsFixtures.activities(jooq);
  private StatsFixtures fx;
  private long ann;
  private long bob;

  @BeforeEach
  void insertThePeople() {
    fx = new StatsFixtures(dsl).people();
    ann = fx.ann;
    bob = fx.bob;
  }

  /**
   *
   *
   * <pre>
   * 2001 created 09:00 for Ann (customer wrote 09:00); Ann replies 09:20 (first response);
   *      customer 09:40, Bob replies 10:00 (next reply, cycle 1); Ann replies 10:10 (nothing new);
   *      customer 10:20, NEXT_REPLY breach 10:50, Ann replies 11:05 (cycle 3, breached);
   *      customer 11:10, Bob replies 11:20 (cycle 4, met); Ann closes 11:30.
   * </pre>
   */
  @Test
  void shouldCountEachReplyMetricInTheHourOfTheReplyAndEachNextReplyCycleOnItsOwn() {
    fx.ticket(2001, "09:00", "CLOSED", ann, "09:20");
    fx.event(2001, "CREATED", "09:00");
    fx.customerWrites(2001, "09:00");
    fx.eventBy(ann, 2001, "REPLIED", "09:20", firstResponseAt("09:20"));
    fx.customerWrites(2001, "09:40");
    fx.eventBy(bob, 2001, "REPLIED", "10:00");
    fx.eventBy(ann, 2001, "REPLIED", "10:10");
    fx.customerWrites(2001, "10:20");
    fx.event(
        2001,
        "SLA_BREACHED",
        "10:50",
        breached("nextReplyBreached"),
        "{\"field\":\"nextReplyCycleStart\",\"from\":null,\"to\":\"2026-03-02T10:20:00Z\"}");
    fx.eventBy(ann, 2001, "REPLIED", "11:05");
    fx.customerWrites(2001, "11:10");
    fx.eventBy(bob, 2001, "REPLIED", "11:20");
    fx.eventBy(ann, 2001, "UPDATED", "11:30", status("OPEN", "CLOSED"));

    computeHours("09:00", "10:00", "11:00");

    assertThat(outcomesOfHour("09:00"))
        .containsExactly(tuple(2001L, "FIRST_RESPONSE", 0, ann, MET));
    // Bob's reply at 10:00:00 belongs to the hour starting then, not to the one ending then.
    assertThat(outcomesOfHour("10:00")).containsExactly(tuple(2001L, "NEXT_REPLY", 1, bob, MET));
    assertThat(outcomesOfHour("11:00"))
        .containsExactly(
            tuple(2001L, "NEXT_REPLY", 3, ann, BREACHED),
            tuple(2001L, "NEXT_REPLY", 4, bob, MET),
            tuple(2001L, "RESOLUTION", 0, ann, MET));
  }

  /**
   *
   *
   * <pre>
   * 2002 created 08:00 NEW, nobody assigned; ASSIGN breach 08:30; Ann assigns Bob 09:10;
   *      FIRST_RESPONSE breach 09:30 (Bob's); RESOLVE breach 10:30;
   *      later: Bob replies 10:15, Bob closes 11:00, customer reopens 11:20, Ann closes 11:40.
   * </pre>
   */
  @Test
  void shouldCountABreachInItsHourUntilItIsFulfilledThenAsBreachedInTheHourOfTheFulfilment() {
    fx.ticket(2002, "08:00", "OPEN", bob, null);
    fx.event(2002, "CREATED", "08:00");
    fx.customerWrites(2002, "08:00");
    fx.event(2002, "SLA_BREACHED", "08:30", breached("assignBreached"));
    fx.eventBy(ann, 2002, "UPDATED", "09:10", status("NEW", "OPEN"), assignee(null, "Bob", bob));
    fx.event(2002, "SLA_BREACHED", "09:30", breached("firstResponseBreached"));
    fx.event(2002, "SLA_BREACHED", "10:30", breached("resolveBreached"));

    computeHours("08:00", "09:00", "10:00");

    // The assignment came after its breach: breached, in the hour of the assignment, by Ann.
    assertThat(outcomesOfHour("08:00")).isEmpty();
    assertThat(outcomesOfHour("09:00"))
        .containsExactly(
            tuple(2002L, "FIRST_RESPONSE", 0, bob, BREACHED),
            tuple(2002L, "TIME_TO_ASSIGN", 0, ann, BREACHED));
    assertThat(outcomesOfHour("10:00"))
        .containsExactly(tuple(2002L, "RESOLUTION", 0, bob, BREACHED));

    fx.eventBy(bob, 2002, "REPLIED", "10:15", firstResponseAt("10:15"));
    fx.eventBy(bob, 2002, "UPDATED", "11:00", status("OPEN", "CLOSED"));
    fx.event(2002, "REOPENED_BY_CUSTOMER", "11:20", status("CLOSED", "OPEN"));
    fx.eventBy(ann, 2002, "UPDATED", "11:40", status("OPEN", "CLOSED"));
    computeHours("10:00", "11:00", "09:00");

    // The first response moved from the hour of its breach to the hour of the reply, still
    // breached; recomputing the breach's hour does not count it there again.
    assertThat(outcomesOfHour("09:00"))
        .containsExactly(tuple(2002L, "TIME_TO_ASSIGN", 0, ann, BREACHED));
    assertThat(outcomesOfHour("10:00"))
        .containsExactly(tuple(2002L, "FIRST_RESPONSE", 0, bob, BREACHED));
    // The resolve clock keeps its time over a reopening: the second closing is breached too.
    assertThat(outcomesOfHour("11:00"))
        .containsExactly(
            tuple(2002L, "RESOLUTION", 0, bob, BREACHED),
            tuple(2002L, "RESOLUTION", 1, ann, BREACHED));
    assertThat(dsl.fetchCount(STATS_SLA_OUTCOMES)).isEqualTo(4);
  }

  /**
   *
   *
   * <pre>
   * 2003 created 09:00 for Ann; Ann replies 09:05; customer writes 09:30; NEXT_REPLY breach 10:30,
   *      no answer yet. Ann's note at 10:40 is no reply.
   * 2004 created 09:00 for Bob by phone, no customer message; Bob replies 09:15 and 09:45: the
   *      second reply answers nothing, so it is no next reply.
   * </pre>
   */
  @Test
  void shouldCountAnUnansweredBreachedCycleForTheAssigneeAndOnlyRepliesThatAnswerSomething() {
    fx.ticket(2003, "09:00", "OPEN", ann, "09:05");
    fx.event(2003, "CREATED", "09:00");
    fx.customerWrites(2003, "09:00");
    fx.eventBy(ann, 2003, "REPLIED", "09:05", firstResponseAt("09:05"));
    fx.customerWrites(2003, "09:30");
    fx.event(2003, "SLA_BREACHED", "10:30", breached("nextReplyBreached"));
    fx.eventBy(ann, 2003, "NOTE_ADDED", "10:40");
    fx.ticket(2004, "09:00", "OPEN", bob, "09:15");
    fx.event(2004, "CREATED", "09:00");
    fx.eventBy(bob, 2004, "REPLIED", "09:15", firstResponseAt("09:15"));
    fx.eventBy(bob, 2004, "REPLIED", "09:45");

    computeHours("09:00", "10:00");

    // Both tickets were created with an assignee: no time to assign to count.
    assertThat(outcomesOfHour("09:00"))
        .containsExactly(
            tuple(2003L, "FIRST_RESPONSE", 0, ann, MET),
            tuple(2004L, "FIRST_RESPONSE", 0, bob, MET));
    assertThat(outcomesOfHour("10:00"))
        .containsExactly(tuple(2003L, "NEXT_REPLY", 1, ann, BREACHED));
  }

  @Test
  void shouldGiveTheFiguresPerHourAndPerAgent() {
    shouldCountABreachInItsHourUntilItIsFulfilledThenAsBreachedInTheHourOfTheFulfilment();
    fx.ticket(2005, "11:00", "NEW", null, "11:10");
    fx.event(2005, "CREATED", "11:00");
    fx.eventBy(ann, 2005, "REPLIED", "11:10", firstResponseAt("11:10"));
    computeHours("11:00");

    StatsRepository repository = new StatsRepository(dsl);
    assertThat(repository.complianceCounts(utc("09:00"), utc("12:00")))
        .extracting(
            c -> c.hour().toInstant(),
            c -> c.agentId(),
            c -> c.metric(),
            c -> c.met(),
            c -> c.breached())
        .containsExactlyInAnyOrder(
            tuple(StatsFixtures.at("09:00"), ann, "TIME_TO_ASSIGN", 0, 1),
            tuple(StatsFixtures.at("10:00"), bob, "FIRST_RESPONSE", 0, 1),
            tuple(StatsFixtures.at("11:00"), ann, "FIRST_RESPONSE", 1, 0),
            tuple(StatsFixtures.at("11:00"), bob, "RESOLUTION", 0, 1),
            tuple(StatsFixtures.at("11:00"), ann, "RESOLUTION", 0, 1));
  }

  private void computeHours(String... hours) {
    for (String hour : hours) {
      activities.computeHour(StatsFixtures.at(hour).toEpochMilli());
    }
  }

  private List<Tuple> outcomesOfHour(String hour) {
    return dsl.selectFrom(STATS_SLA_OUTCOMES)
        .where(STATS_SLA_OUTCOMES.BUCKET_START.eq(utc(hour)))
        .orderBy(
            STATS_SLA_OUTCOMES.TICKET_NUMBER, STATS_SLA_OUTCOMES.METRIC, STATS_SLA_OUTCOMES.CYCLE)
        .fetch(
            o ->
                tuple(
                    o.getTicketNumber(), o.getMetric(), o.getCycle(), o.getAgentId(), o.getMet()));
  }
}
