package dev.tempodesk.api.sla;

import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaTargets;
import dev.tempodesk.workflows.ticket.TicketPolicy;
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
import java.util.UUID;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Breach alarms in real time: 50 tickets whose resolve target is a few seconds breach at about the
 * same moment. Prints how late each breach was seen in Postgres (the audit event that drives the
 * notifications) after its deadline; correctness (one breach per ticket) is asserted, speed is
 * reported, not asserted.
 */
class SlaBreachLatencyTest {
  private static final int TICKETS = 50;
  private static final String QUEUE = "sla-latency";

  @Test
  void shouldRecordExactlyOneBreachPerTicketAndReportLateness() throws Exception {
    TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
    TicketRepository tickets = new TicketRepository(jooq.dsl());
    TicketEventRepository events = new TicketEventRepository(jooq.dsl());
    SlaTargets fast = new SlaTargets(Duration.ofSeconds(2), Duration.ofSeconds(4));
    SlaPolicy sla = new SlaPolicy(fast, fast, fast, fast);
    TicketOpening opening =
        new TicketOpening(
            tickets, events, new MessageRepository(jooq.dsl()), Clock.systemUTC(), sla);
    ContactsRecord reporter =
        new ContactRepository(jooq.dsl()).findOrCreate("late@customer.example", "Late", null);
    try (TestWorkflowEnvironment temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      Worker worker = temporal.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new TicketStoreActivitiesImpl(
              tickets, events, jooq.transactions(), JsonMapper.builder().build()),
          // No mailbox is connected: nothing is mailed.
          OutboundMailActivitiesImpl.over(
              jooq.dsl(), jooq.transactions(), unusedNylas(), Clock.systemUTC()));
      temporal.start();
      TicketWorkflowGateway gateway =
          new TicketWorkflowGateway(
              temporal.getWorkflowClient(), QUEUE, TicketPolicy.defaults().withSla(sla));

      Map<Long, Instant> dueAt = new HashMap<>();
      for (int i = 0; i < TICKETS; i++) {
        TicketsRecord row =
            jooq.transactions().execute(status -> opening.open(newTicket(reporter)));
        gateway.startFromRow(row, null);
        dueAt.put(row.getNumber(), row.getResolveDueAt().toInstant());
      }

      Map<Long, Instant> seenAt = new HashMap<>();
      Instant giveUp = Instant.now().plusSeconds(30);
      while (seenAt.size() < TICKETS && Instant.now().isBefore(giveUp)) {
        Instant now = Instant.now();
        jooq.dsl()
            .select(TICKET_EVENTS.TICKET_NUMBER)
            .from(TICKET_EVENTS)
            .where(
                TICKET_EVENTS.KIND.eq("SLA_BREACHED"),
                TICKET_EVENTS.COMMENT.eq("RESOLVE SLA BREACH"))
            .fetch(TICKET_EVENTS.TICKET_NUMBER)
            .forEach(number -> seenAt.putIfAbsent(number, now));
        Thread.sleep(10);
      }

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
      assertThat(seenAt).hasSize(TICKETS);
      assertThat(lateness.getFirst()).as("never before the deadline").isGreaterThanOrEqualTo(-20);
      Thread.sleep(500);
      int breaches = jooq.dsl().fetchCount(TICKET_EVENTS, TICKET_EVENTS.KIND.eq("SLA_BREACHED"));
      assertThat(breaches)
          .as("one resolve breach per ticket, one assign breach per ticket")
          .isEqualTo(2 * TICKETS);
    }
  }

  private static NewTicket newTicket(ContactsRecord reporter) {
    MessagesRecord first =
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setDirection("INBOUND")
            .setAuthorContactId(reporter.getId())
            .setBodyText("late")
            .setOccurredAt(java.time.OffsetDateTime.now());
    return new NewTicket(
        "Breach me",
        Priority.NORMAL,
        Channel.PHONE,
        reporter,
        null,
        null,
        null,
        null,
        null,
        null,
        first,
        Actor.SYSTEM,
        "sla latency");
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  /** A client that is never called: with no mailbox connected nothing is sent. */
  private static NylasClient unusedNylas() {
    NylasSettings settings = NylasSettings.of(HttpUrl.get("http://127.0.0.1:9/"), "unused", null);
    return new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
  }
}
