package dev.tempodesk.api.mail;

import static dev.tempodesk.api.mail.MailPipeline.await;
import static dev.tempodesk.api.mail.MailPipeline.delivered;
import static dev.tempodesk.api.mail.MailPipeline.stored;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.fakes.nylas.FakeMailbox;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole mail path against grants of the providers that differ (reference "Read first" 3 and 5):
 * an IMAP grant threads replies by Message-ID and refuses a Nylas id, a Microsoft grant refuses
 * custom headers not named X-, and every provider files spam and deleted mail in Junk and Trash.
 */
class ProviderDifferencesIntegrationTest {

  /** A pipeline whose mailbox is a grant of this provider, at the fake and in the database. */
  private static MailPipeline pipelineOf(String provider) {
    FakeNylasServer nylas = FakeNylasServer.start("pipeline-key", "c", FaultPlan.none());
    nylas.addGrant(MailPipeline.GRANT, MailPipeline.ADDRESS, provider);
    MailPipeline pipeline = new MailPipeline(nylas, 3);
    pipeline.mailboxes.upsert(MailPipeline.GRANT, MailPipeline.ADDRESS, provider);
    pipeline.startSync(Duration.ofMillis(200));
    return pipeline;
  }

  private static FakeMessage receive(MailPipeline pipeline, InboundEmail mail) {
    return pipeline.nylas.receive(MailPipeline.GRANT, mail);
  }

  private static String skipReason(MailPipeline pipeline, FakeMessage message)
      throws InterruptedException {
    return await(
        "message " + message.id() + " to be skipped",
        () ->
            pipeline
                .jooq
                .dsl()
                .select(SKIPPED_MESSAGES.REASON)
                .from(SKIPPED_MESSAGES)
                .where(SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID.eq(message.id()))
                .fetchOptional(SKIPPED_MESSAGES.REASON));
  }

  private static FakeMessage sentCopy(MailPipeline pipeline, MessagesRecord row) {
    return pipeline.nylas.sent(MailPipeline.GRANT).stream()
        .filter(m -> m.id().equals(row.getProviderMessageId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldThreadRepliesOnAnImapMailboxByMessageId() throws Exception {
    try (MailPipeline pipeline = pipelineOf("imap")) {
      FakeMessage question =
          receive(
              pipeline, InboundEmail.of("Dana", "dana@client.example", "Printer on fire", "Help!"));
      long ticket = stored(pipeline, question).getTicketNumber();

      MessagesRecord acknowledgement =
          delivered(pipeline, ticket, OutboundMailActivitiesImpl.acknowledgementId(ticket));
      AgentsRecord alice =
          new AgentRepository(pipeline.jooq.dsl())
              .insert("alice@acme.example", "Alice", "AGENT", 3);
      MessagesRecord reply =
          delivered(
              pipeline, ticket, pipeline.reply(ticket, alice, "The fire brigade is on its way."));

      assertThat(acknowledgement.getDeliveryStatus())
          .as(String.valueOf(acknowledgement.getDeliveryError()))
          .isEqualTo("SENT");
      assertThat(acknowledgement.getReplyToProviderId())
          .as("IMAP threads by the parent's Message-ID, not its Nylas id")
          .isEqualTo(question.messageIdHeader());
      assertThat(reply.getDeliveryStatus())
          .as(String.valueOf(reply.getDeliveryError()))
          .isEqualTo("SENT");
      for (MessagesRecord answer : List.of(acknowledgement, reply)) {
        FakeMessage copy = sentCopy(pipeline, answer);
        assertThat(copy.threadId()).isEqualTo(question.threadId());
        assertThat(copy.header("In-Reply-To")).isEqualTo(question.messageIdHeader());
      }
      FakeMessage answer =
          receive(
              pipeline,
              InboundEmail.replyTo(
                  sentCopy(pipeline, reply).messageIdHeader(),
                  "Dana",
                  "dana@client.example",
                  "Re: Printer on fire",
                  "Thanks, they are here."));
      assertThat(stored(pipeline, answer).getTicketNumber())
          .as("the customer's answer joins the same ticket")
          .isEqualTo(ticket);
    }
  }

  @Test
  void shouldSendTheAcknowledgementOnAMicrosoftMailboxWithXHeadersOnly() throws Exception {
    try (MailPipeline pipeline = pipelineOf("microsoft")) {
      FakeMessage question =
          receive(pipeline, InboundEmail.of("Dana", "dana@client.example", "Invoice", "Where?"));
      long ticket = stored(pipeline, question).getTicketNumber();

      MessagesRecord acknowledgement =
          delivered(pipeline, ticket, OutboundMailActivitiesImpl.acknowledgementId(ticket));

      assertThat(acknowledgement.getDeliveryStatus())
          .as(String.valueOf(acknowledgement.getDeliveryError()))
          .isEqualTo("SENT");
      FakeMessage copy = sentCopy(pipeline, acknowledgement);
      assertThat(copy.threadId()).isEqualTo(question.threadId());
      assertThat(copy.header("Auto-Submitted")).as("refused by Microsoft").isNull();
      assertThat(copy.header("X-Auto-Response-Suppress")).isEqualTo("All");
      assertThat(copy.header("X-Autoreply")).isEqualTo("yes");
      assertThat(copy.header("X-Tempodesk-Message-Id"))
          .isEqualTo(acknowledgement.getId().toString());
    }
  }

  /** A raw mail as an IMAP server hands it over: none of the auto-reply headers. */
  private static FakeMessage receiveRaw(MailPipeline pipeline, String mail) {
    return pipeline.nylas.receiveRaw(
        MailPipeline.GRANT, mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldTellBouncesAndAutoRepliesOnAnImapMailboxFromWhatItReturns() throws Exception {
    try (MailPipeline pipeline = pipelineOf("imap")) {
      FakeMessage bounce =
          receiveRaw(
              pipeline,
              """
              From: Mail Relay <relay@mx.client.example>
              To: support@pipeline.example
              Subject: Your message could not be delivered
              Message-ID: <dsn-1@mx.client.example>
              MIME-Version: 1.0
              Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

              --b1
              Content-Type: text/plain

              The mail to bob@client.example failed.
              --b1
              Content-Type: message/delivery-status

              Reporting-MTA: dns; mx.client.example

              Final-Recipient: rfc822; bob@client.example
              Action: failed
              Status: 5.1.1
              --b1--
              """);
      FakeMessage outOfOffice =
          receiveRaw(
              pipeline,
              """
              From: Dana <dana@client.example>
              To: support@pipeline.example
              Subject: Automatische Antwort: Ihre Anfrage [#1001]
              Message-ID: <ooo-1@client.example>
              Content-Type: text/plain; charset=utf-8

              Ich bin bis Montag nicht im Büro.
              """);
      FakeMessage customer =
          receiveRaw(
              pipeline,
              """
              From: Dana <dana@client.example>
              To: support@pipeline.example
              Subject: Re: Out of office printer broken
              Message-ID: <human-1@client.example>
              Content-Type: text/plain; charset=utf-8

              The printer in the out-of-office wing is still broken.
              """);

      assertThat(skipReason(pipeline, bounce)).isEqualTo("BOUNCE");
      assertThat(skipReason(pipeline, outOfOffice)).isEqualTo("AUTO_REPLY");
      assertThat(stored(pipeline, customer).getTicketNumber()).isNotNull();
    }
  }

  @Test
  void shouldRecordMailInJunkAndTrashAsSkippedWithTheirReasons() throws Exception {
    try (MailPipeline pipeline = pipelineOf("google")) {
      FakeMessage spam =
          pipeline.nylas.receiveInto(
              MailPipeline.GRANT,
              InboundEmail.of("Prize", "win@prize.example", "You won", "Click"),
              FakeMailbox.JUNK);
      FakeMessage deleted =
          pipeline.nylas.receiveInto(
              MailPipeline.GRANT,
              InboundEmail.of("Dana", "dana@client.example", "Old thing", "never mind"),
              FakeMailbox.TRASH);
      FakeMessage real =
          receive(pipeline, InboundEmail.of("Dana", "dana@client.example", "Real", "question"));

      assertThat(skipReason(pipeline, spam)).isEqualTo("JUNK");
      assertThat(skipReason(pipeline, deleted)).isEqualTo("TRASH");
      assertThat(stored(pipeline, real).getTicketNumber()).isNotNull();
    }
  }
}
