package dev.tempodesk.api.sla;

import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.NoMailbox;
import dev.tempodesk.api.PhoneTickets;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaTargets;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import dev.tempodesk.workflows.ticket.TicketWorkflowImpl;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Breach alarms in real time: 50 tickets whose resolve target is a few seconds breach at about the
 * same moment. Prints how late each breach was seen in Postgres after its deadline, both as the
 * audit event and as the manager's breach notification (the in-app row the notification activity
 * records); correctness (one breach event and one notification per ticket) is asserted, speed is
 * reported, not asserted.
 */
class SlaBreachLatencyTest {
  private static final int TICKETS = 50;
  private static final String QUEUE = "sla-latency";

  @Test
  void shouldRecordExactlyOneBreachPerTicketAndReportLateness() throws Exception {
    // A connection pool, as the app has: without one every query would start a Postgres backend.
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(TestDatabases.fresh().jdbcUrl());
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(20);
    TestJooq jooq = TestJooq.over(pool);
    TicketRepository tickets = new TicketRepository(jooq.dsl());
    TicketEventRepository events = new TicketEventRepository(jooq.dsl());
    SlaTargets fast = new SlaTargets(Duration.ofSeconds(2), Duration.ofSeconds(4));
    SlaPolicy sla = new SlaPolicy(fast, fast, fast, fast);
    TicketOpening opening =
        new TicketOpening(
            tickets, events, new MessageRepository(jooq.dsl()), Clock.systemUTC(), sla);
    ContactRepository contacts = new ContactRepository(jooq.dsl());
    ContactsRecord reporter = contacts.findOrCreate("late@customer.example", "Late", null);
    AgentRepository agents = new AgentRepository(jooq.dsl());
    AgentsRecord manager = agents.insert("mona@tempodesk.dev", "Mona Manager", "MANAGER", 1);
    try (pool;
        TestWorkflowEnvironment temporal =
            TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      TicketSearchAttributes.TYPES.forEach(temporal::registerSearchAttribute);
      Worker worker = temporal.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new TicketStoreActivitiesImpl(
              tickets, events, jooq.transactions(), JsonMapper.builder().build()),
          // No mailbox is connected: nothing is mailed.
          NoMailbox.inAppNotifications(jooq),
          NoMailbox.outboundMail(jooq));
      temporal.start();
      TicketWorkflowGateway gateway =
          new TicketWorkflowGateway(
              temporal.getWorkflowClient(), QUEUE, TicketPolicy.defaults().withSla(sla));

      Map<Long, Instant> dueAt = new HashMap<>();
      for (int i = 0; i < TICKETS; i++) {
        TicketsRecord row =
            jooq.transactions()
                .execute(
                    status ->
                        opening.open(
                            PhoneTickets.call(
                                reporter, Priority.NORMAL, "Breach me", null, "sla latency")));
        gateway.startFromRow(row);
        dueAt.put(row.getNumber(), row.getResolveDueAt().toInstant());
      }

      Map<Long, Instant> seenAt = new HashMap<>();
      Map<Long, Instant> notifiedAt = new HashMap<>();
      // Generous: the loops end as soon as all are seen; the figures printed are the measurement,
      // and on a loaded machine (CI, helpers) a fixed 30 s for both waits ran out.
      Instant giveUp = Instant.now().plusSeconds(120);
      while (seenAt.size() < TICKETS && Instant.now().isBefore(giveUp)) {
        List<Long> breached =
            jooq.dsl()
                .select(TICKET_EVENTS.TICKET_NUMBER)
                .from(TICKET_EVENTS)
                .where(
                    TICKET_EVENTS.KIND.eq("SLA_BREACHED"),
                    TICKET_EVENTS.COMMENT.eq("RESOLVE SLA BREACH"))
                .fetch(TICKET_EVENTS.TICKET_NUMBER);
        // Taken after the query: on a loaded machine the query can wait long enough for an event
        // committed during it to be seen, and the time before it would then precede the event.
        Instant now = Instant.now();
        breached.forEach(number -> seenAt.putIfAbsent(number, now));
        Thread.sleep(10);
      }
      assertThat(seenAt).as("every breach seen in Postgres").hasSize(TICKETS);
      // The row's created_at is when the activity recorded it; wait for the stragglers.
      Instant giveUpNotifying = Instant.now().plusSeconds(120);
      while (notifiedAt.size() < TICKETS && Instant.now().isBefore(giveUpNotifying)) {
        jooq.dsl()
            .select(NOTIFICATIONS.TICKET_NUMBER, NOTIFICATIONS.CREATED_AT)
            .from(NOTIFICATIONS)
            .where(
                NOTIFICATIONS.RECIPIENT_ID.eq(manager.getId()),
                NOTIFICATIONS.CHANNEL.eq("IN_APP"),
                NOTIFICATIONS.EVENT_KIND.eq("SLA_BREACHED"),
                NOTIFICATIONS.BODY.startsWith("RESOLVE SLA BREACH"))
            .fetch()
            .forEach(row -> notifiedAt.putIfAbsent(row.value1(), row.value2().toInstant()));
        Thread.sleep(50);
      }

      assertThat(notifiedAt).as("one breach notification per ticket").hasSize(TICKETS);

      List<Long> lateness = new ArrayList<>();
      seenAt.forEach(
          (number, seen) -> lateness.add(Duration.between(dueAt.get(number), seen).toMillis()));
      lateness.sort(Long::compare);
      System.out.printf(
          "sla-breach lateness over %d tickets (deadline → audit event visible in Postgres):"
              + " p50 %d ms, p99 %d ms, max %d ms%n",
          lateness.size(),
          percentile(lateness, 0.50),
          percentile(lateness, 0.99),
          lateness.getLast());
      List<Long> notificationLateness = new ArrayList<>();
      notifiedAt.forEach(
          (number, at) ->
              notificationLateness.add(Duration.between(dueAt.get(number), at).toMillis()));
      notificationLateness.sort(Long::compare);
      System.out.printf(
          "sla-breach notification lateness over %d tickets (deadline → manager's notification"
              + " row recorded): p50 %d ms, p99 %d ms, max %d ms%n",
          notificationLateness.size(),
          percentile(notificationLateness, 0.50),
          percentile(notificationLateness, 0.99),
          notificationLateness.getLast());
      assertThat(lateness.getFirst()).as("never before the deadline").isGreaterThanOrEqualTo(-20);
      Thread.sleep(500);
      int breaches = jooq.dsl().fetchCount(TICKET_EVENTS, TICKET_EVENTS.KIND.eq("SLA_BREACHED"));
      assertThat(breaches)
          .as("one resolve breach per ticket, one assign breach per ticket")
          .isEqualTo(2 * TICKETS);
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
