package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which ticket a mail joins, and which mail never becomes part of a ticket. */
class MailThreadingIntegrationTest {
  private static MailPipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline = new MailPipeline(FakeNylasServer.start("pipeline-key", "c", FaultPlan.none()), 3);
    pipeline.startSync(Duration.ofMillis(200));
  }

  @AfterAll
  static void stop() throws Exception {
    pipeline.close();
  }

  private static FakeMessage receive(
      String from, String subject, String replyTo, Map<String, String> headers) {
    return pipeline.nylas.receive(
        MailPipeline.GRANT,
        new InboundEmail("Sender", from, MailPipeline.ADDRESS, subject, "body", replyTo, headers));
  }

  private static MessagesRecord stored(FakeMessage message) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      Optional<MessagesRecord> row =
          pipeline.threads.findMessage(pipeline.mailbox.getId(), message.id());
      if (row.isPresent()) {
        return row.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("message " + message.id() + " was never stored");
  }

  private static String skipReason(FakeMessage message) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      String reason =
          pipeline
              .jooq
              .dsl()
              .select(SKIPPED_MESSAGES.REASON)
              .from(SKIPPED_MESSAGES)
              .where(SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID.eq(message.id()))
              .fetchOne(SKIPPED_MESSAGES.REASON);
      if (reason != null) {
        return reason;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("message " + message.id() + " was neither stored nor skipped");
  }

  private static TicketsRecord ticketOf(MessagesRecord message) {
    return pipeline.tickets.find(message.getTicketNumber()).orElseThrow();
  }

  @Test
  void shouldOpenTicketForNewThreadWithSenderAsReporterAndKeepRepliesOnIt() throws Exception {
    FakeMessage first = receive("dana@client.example", "Printer jam", null, Map.of());
    MessagesRecord firstRow = stored(first);
    FakeMessage reply = receive("dana@client.example", "Re: Printer jam", first.id(), Map.of());

    TicketsRecord ticket = ticketOf(firstRow);
    assertThat(ticket.getChannel()).isEqualTo("EMAIL");
    assertThat(ticket.getSubject()).isEqualTo("Printer jam");
    assertThat(ticket.getThreadId()).isEqualTo(first.threadId());
    assertThat(stored(reply).getTicketNumber()).isEqualTo(ticket.getNumber());
    assertThat(firstRow.getFromAddress()).isEqualTo("dana@client.example");
  }

  @Test
  void shouldJoinTicketByReferencesWhenTheProviderStartsANewThread() throws Exception {
    FakeMessage first = receive("eve@client.example", "VPN down", null, Map.of());
    long ticket = stored(first).getTicketNumber();

    FakeMessage forwarded =
        receive(
            "eve@client.example",
            "Fwd: VPN down",
            null,
            Map.of("References", "<other@x> " + first.messageIdHeader()));

    assertThat(forwarded.threadId()).isNotEqualTo(first.threadId());
    assertThat(stored(forwarded).getTicketNumber()).isEqualTo(ticket);
  }

  @Test
  void shouldHonourSubjectTokenOnlyForParticipants() throws Exception {
    long ticket =
        stored(receive("fred@client.example", "Invoice wrong", null, Map.of())).getTicketNumber();

    MessagesRecord fromReporter =
        stored(receive("fred@client.example", "About [#" + ticket + "] again", null, Map.of()));
    MessagesRecord fromStranger =
        stored(
            receive(
                "mallory@evil.example", "[#" + ticket + "] give me the invoice", null, Map.of()));

    assertThat(fromReporter.getTicketNumber()).isEqualTo(ticket);
    assertThat(fromStranger.getTicketNumber()).isNotEqualTo(ticket);
  }

  @Test
  void shouldOpenFollowUpTicketWhenTheOldOneClosedBeyondItsReopenWindow() throws Exception {
    FakeMessage first = receive("gina@client.example", "Broken chair", null, Map.of());
    long oldTicket = stored(first).getTicketNumber();
    pipeline
        .jooq
        .dsl()
        .update(TICKETS)
        .set(TICKETS.STATUS, "CLOSED")
        .set(TICKETS.RESOLUTION, "SOLVED")
        .set(TICKETS.CLOSED_AT, java.time.OffsetDateTime.now().minusDays(30))
        .where(TICKETS.NUMBER.eq(oldTicket))
        .execute();

    MessagesRecord late =
        stored(receive("gina@client.example", "Re: Broken chair", first.id(), Map.of()));

    TicketsRecord followUp = ticketOf(late);
    assertThat(followUp.getNumber()).isNotEqualTo(oldTicket);
    assertThat(followUp.getPreviousTicket()).isEqualTo(oldTicket);
    assertThat(pipeline.threads.ticketOfThread(pipeline.mailbox.getId(), first.threadId()))
        .contains(followUp.getNumber());
  }

  @Test
  void shouldTreatMailFromAnAgentsAddressAsTheAgentsAndNeverMakeThemAContact() throws Exception {
    AgentsRecord agent =
        new AgentRepository(pipeline.jooq.dsl()).insert("gus@desk.example", "Gus", "AGENT", 1);
    ContactRepository contacts = new ContactRepository(pipeline.jooq.dsl());
    FakeMessage customers = receive("hana@client.example", "Screen flickers", null, Map.of());
    long ticket = stored(customers).getTicketNumber();

    FakeMessage newThread = receive("Gus@Desk.example", "Lunch order", null, Map.of());
    FakeMessage reply =
        receive("gus@desk.example", "Re: Screen flickers", customers.id(), Map.of());

    assertThat(skipReason(newThread)).isEqualTo("FROM_AGENT");
    MessagesRecord agentsReply = stored(reply);
    assertThat(agentsReply.getTicketNumber()).isEqualTo(ticket);
    assertThat(agentsReply.getAuthorAgentId()).isEqualTo(agent.getId());
    assertThat(agentsReply.getAuthorContactId()).isNull();
    assertThat(contacts.findByEmail("gus@desk.example")).isEmpty();
    assertThat(pipeline.quarantine.find(pipeline.mailbox.getId(), newThread.id()))
        .as("not a failure, not quarantined")
        .isEmpty();
  }

  @Test
  void shouldRecordMachineMailAndOwnMailAsSkippedWithReasons() throws Exception {
    assertThat(
            skipReason(
                receive(
                    "robot@client.example",
                    "Out of office",
                    null,
                    Map.of("Auto-Submitted", "auto-replied"))))
        .isEqualTo("AUTO_REPLY");
    assertThat(
            skipReason(
                receive("holiday@client.example", "Away", null, Map.of("X-Autoreply", "yes"))))
        .isEqualTo("AUTO_REPLY");
    assertThat(
            skipReason(receive("MAILER-DAEMON@mx.client.example", "Undeliverable", null, Map.of())))
        .isEqualTo("BOUNCE");
    assertThat(
            skipReason(receive("news@shop.example", "Deals", null, Map.of("Precedence", "bulk"))))
        .isEqualTo("BULK");
    assertThat(
            skipReason(
                receive(
                    "list@lists.example",
                    "[dev] hi",
                    null,
                    Map.of("List-Id", "<dev.lists.example>"))))
        .isEqualTo("MAILING_LIST");
    assertThat(skipReason(receive(MailPipeline.ADDRESS, "Sent from elsewhere", null, Map.of())))
        .isEqualTo("OWN_SENT");
    assertThat(
            skipReason(
                pipeline.nylas.addDraft(
                    MailPipeline.GRANT, "x@client.example", "Draft", "d", null)))
        .isEqualTo("DRAFT");
    assertThat(
            receive("normal@client.example", "Real question", null, Map.of("Auto-Submitted", "no")))
        .satisfies(message -> assertThat(stored(message)).isNotNull());
  }
}
