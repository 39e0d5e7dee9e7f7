package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.QUARANTINED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.QuarantinedMessagesRecord;
import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One message that cannot be ingested, in the middle of a page, through the real mail path (fake
 * Nylas over HTTP → sync → Postgres → ticket workflows): the mail after it is ingested in the same
 * pass, the message is held in quarantine with what a person needs to judge it, later passes try it
 * a bounded number of times and then leave it alone.
 */
class MailQuarantineTest {

  @Test
  void shouldIngestTheMailAfterAPoisonMessageInTheSamePassAndQuarantineIt() throws Exception {
    try (MailPipeline pipeline =
        new MailPipeline(
            FakeNylasServer.start("pipeline-key", "pipeline-client", FaultPlan.none()), 3)) {
      FakeNylasServer nylas = pipeline.nylas;
      FakeMessage first = receive(nylas, InboundEmail.of("Ann", "ann@c.example", "First", "1"));
      FakeMessage second = receive(nylas, InboundEmail.of("Bo", "bo@c.example", "Second", "2"));
      FakeMessage poison =
          receive(
              nylas,
              new InboundEmail(
                  "Dana Poison",
                  "dana@poison.example",
                  null,
                  "Printer on fire",
                  "It is still burning",
                  null,
                  Map.of("Message-ID", PoisonMail.oversizeMessageId())));
      FakeMessage fourth = receive(nylas, InboundEmail.of("Cy", "cy@c.example", "Fourth", "4"));
      FakeMessage fifth = receive(nylas, InboundEmail.of("Di", "di@c.example", "Fifth", "5"));
      List<String> page = nylas.messages(MailPipeline.GRANT).stream().map(FakeMessage::id).toList();
      assertThat(page.indexOf(poison.id()))
          .as("the poison is in the middle of the page")
          .isEqualTo(2);

      Instant before = Instant.now();
      // One pass now; the next ones only when poked.
      MailboxSyncWorkflow sync = pipeline.startSync(Duration.ofHours(1));
      awaitPasses(sync, 1);

      for (FakeMessage later : List.of(first, second, fourth, fifth)) {
        assertThat(ticketOf(pipeline, later.id()))
            .as("%s is a ticket after the first pass", later.id())
            .isNotNull();
      }
      assertThat(ticketOf(pipeline, poison.id())).isNull();
      assertThat(sync.status().ingested()).isEqualTo(4);
      QuarantinedMessagesRecord row = row(pipeline, poison.id());
      assertThat(row.getMailboxId()).isEqualTo(pipeline.mailbox.getId());
      assertThat(row.getProviderThreadId()).isEqualTo(poison.threadId());
      assertThat(row.getSubject()).isEqualTo("Printer on fire");
      assertThat(row.getSender()).isEqualTo("Dana Poison <dana@poison.example>");
      assertThat(row.getError())
          .contains("54000")
          .contains("index row size")
          .contains("messages_by_internet_message_id");
      assertThat(row.getAttempts()).isEqualTo(1);
      assertThat(row.getStatus()).isEqualTo(QuarantineRepository.RETRYING);
      assertThat(row.getFirstTriedAt().toInstant()).isAfter(before);
      assertThat(row.getLastTriedAt()).isEqualTo(row.getFirstTriedAt());
      assertThat(pipeline.mailboxes.find(pipeline.mailbox.getId()).orElseThrow().getSyncCursor())
          .as("the cursor moved past the poison")
          .isGreaterThanOrEqualTo(fifth.date());

      // Later passes try it again, once each, up to three attempts in all.
      sync.pollNow();
      awaitPasses(sync, 2);
      assertThat(row(pipeline, poison.id()).getAttempts()).isEqualTo(2);
      sync.pollNow();
      awaitPasses(sync, 3);
      QuarantinedMessagesRecord held = row(pipeline, poison.id());
      assertThat(held.getAttempts()).isEqualTo(3);
      assertThat(held.getStatus()).isEqualTo(QuarantineRepository.QUARANTINED);
      assertThat(held.getLastTriedAt()).isAfter(held.getFirstTriedAt());

      // It is still in the overlap window, but no pass tries it again or counts it twice.
      FakeMessage sixth = receive(nylas, InboundEmail.of("Ed", "ed@c.example", "Sixth", "6"));
      sync.pollNow();
      awaitPasses(sync, 4);
      sync.pollNow();
      awaitPasses(sync, 5);
      assertThat(ticketOf(pipeline, sixth.id())).isNotNull();
      assertThat(row(pipeline, poison.id()).getAttempts()).isEqualTo(3);
      assertThat(row(pipeline, poison.id()).getLastTriedAt()).isEqualTo(held.getLastTriedAt());
      assertThat(pipeline.jooq.dsl().fetchCount(QUARANTINED_MESSAGES)).isEqualTo(1);
    }
  }

  /**
   * {@code "q z"@example.org} (a quoted local part with a space) once stopped the mailbox for good.
   * Whether the address rules accept it (a ticket) or not (a quarantine row), the pass goes on.
   */
  @Test
  void shouldNeverStallOnAQuotedLocalPartWithASpace() throws Exception {
    try (MailPipeline pipeline =
        new MailPipeline(
            FakeNylasServer.start("pipeline-key", "pipeline-client", FaultPlan.none()), 3)) {
      FakeNylasServer nylas = pipeline.nylas;
      FakeMessage before = receive(nylas, InboundEmail.of("Ann", "ann@c.example", "Before", "1"));
      FakeMessage quoted =
          receive(nylas, InboundEmail.of("Q Z", "\"q z\"@example.org", "Quoted local part", "q"));
      FakeMessage after = receive(nylas, InboundEmail.of("Bo", "bo@c.example", "After", "2"));

      MailboxSyncWorkflow sync = pipeline.startSync(Duration.ofHours(1));
      awaitPasses(sync, 1);

      assertThat(ticketOf(pipeline, before.id())).isNotNull();
      assertThat(ticketOf(pipeline, after.id())).isNotNull();
      Long ticket = ticketOf(pipeline, quoted.id());
      QuarantinedMessagesRecord row =
          pipeline
              .jooq
              .dsl()
              .selectFrom(QUARANTINED_MESSAGES)
              .where(QUARANTINED_MESSAGES.PROVIDER_MESSAGE_ID.eq(quoted.id()))
              .fetchOne();
      assertThat(ticket != null || row != null)
          .as("the quoted address became a ticket or a quarantine row")
          .isTrue();
      if (row != null) {
        assertThat(row.getSender()).contains("\"q z\"@example.org");
        assertThat(row.getError()).isNotBlank();
      }
    }
  }

  static FakeMessage receive(FakeNylasServer nylas, InboundEmail email) {
    return nylas.receive(MailPipeline.GRANT, email);
  }

  static void awaitPasses(MailboxSyncWorkflow sync, long passes) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (sync.status().passes() < passes && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(sync.status().passes()).as("passes finished").isGreaterThanOrEqualTo(passes);
  }

  private static Long ticketOf(MailPipeline pipeline, String providerId) {
    return pipeline
        .jooq
        .dsl()
        .select(MESSAGES.TICKET_NUMBER)
        .from(MESSAGES)
        .join(TICKETS)
        .on(TICKETS.NUMBER.eq(MESSAGES.TICKET_NUMBER))
        .where(MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId), MESSAGES.SIGNALLED_AT.isNotNull())
        .fetchOne(MESSAGES.TICKET_NUMBER);
  }

  private static QuarantinedMessagesRecord row(MailPipeline pipeline, String providerId) {
    return pipeline
        .jooq
        .dsl()
        .selectFrom(QUARANTINED_MESSAGES)
        .where(QUARANTINED_MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId))
        .fetchOne();
  }
}
