package dev.tempodesk.api.mail;

import static dev.tempodesk.api.mail.MailPipeline.delivered;
import static dev.tempodesk.api.mail.MailPipeline.stored;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.nylas.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Header injection through mail (issue 16 item 3): a subject or sender name with CR/LF in it, as a
 * hostile mail carries it, is stored as one line, and nothing Tempodesk sends about that ticket
 * (acknowledgement, replies) carries a line break in a header: checked on the requests the fake
 * Nylas received, the real mail path in between.
 */
class HeaderInjectionIntegrationTest {
  private static final String INJECTION = "\r\nBcc: evil@attacker.example\r\n";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void shouldStoreAndAnswerAMailWithCrLfInSubjectAndNameWithoutLineBreaksInAnyHeader()
      throws Exception {
    try (MailPipeline pipeline =
        new MailPipeline(FakeNylasServer.start("pipeline-key", "c", FaultPlan.none()), 3)) {
      pipeline.startSync(Duration.ofMillis(200));
      FakeMessage question =
          pipeline.nylas.receive(
              MailPipeline.GRANT,
              InboundEmail.of(
                  "Dana" + INJECTION + "Client",
                  "dana@client.example",
                  "Printer jams" + INJECTION + "\r\nInjected body",
                  "Help!"));
      MessagesRecord stored = stored(pipeline, question);
      long ticket = stored.getTicketNumber();

      String expectedSubject = "Printer jams Bcc: evil@attacker.example Injected body";
      assertThat(stored.getSubject()).isEqualTo(expectedSubject);
      assertThat(pipeline.jooq.dsl().fetchValue(TICKETS.SUBJECT, TICKETS.NUMBER.eq(ticket)))
          .as("the ticket's subject, stored clean")
          .isEqualTo(expectedSubject);
      assertThat(
              new ContactRepository(pipeline.jooq.dsl())
                  .findByEmail("dana@client.example")
                  .orElseThrow()
                  .getDisplayName())
          .as("the sender's name, stored clean")
          .isEqualTo("Dana Bcc: evil@attacker.example Client");

      UUID acknowledgement = OutboundMailActivitiesImpl.acknowledgementId(ticket);
      assertSent(delivered(pipeline, ticket, acknowledgement));
      JsonNode acknowledged = sendRequest(pipeline, acknowledgement);
      assertOneLineHeaders(acknowledged);
      assertThat(acknowledged.path("subject").asString()).contains("[#" + ticket + "]");

      AgentsRecord alice =
          new AgentRepository(pipeline.jooq.dsl())
              .insert("alice@acme.example", "Alice", "AGENT", 3);
      assertOneLineHeaders(reply(pipeline, ticket, alice, "We are on it."));

      // A subject stored before this rule existed: the sender cleans it on the way out.
      pipeline
          .jooq
          .dsl()
          .update(TICKETS)
          .set(TICKETS.SUBJECT, "Old subject" + INJECTION + "X-Evil: 1")
          .where(TICKETS.NUMBER.eq(ticket))
          .execute();
      JsonNode late = reply(pipeline, ticket, alice, "Still on it.");
      assertOneLineHeaders(late);
      assertThat(late.path("subject").asString())
          .isEqualTo("Re: [#" + ticket + "] Old subject Bcc: evil@attacker.example X-Evil: 1");
    }
  }

  /** Sends an agent's reply and returns the send request the fake Nylas received for it. */
  private static JsonNode reply(MailPipeline pipeline, long ticket, AgentsRecord agent, String body)
      throws InterruptedException {
    UUID id = pipeline.reply(ticket, agent, body);
    assertSent(delivered(pipeline, ticket, id));
    return sendRequest(pipeline, id);
  }

  /** Subject, every participant and every custom header: no CR, LF or other control character. */
  private static void assertOneLineHeaders(JsonNode request) {
    assertThat(request.has("bcc")).as("no Bcc smuggled in: %s", request).isFalse();
    assertThat(request.path("subject").asString()).isNotBlank();
    assertOneLine("subject", request.path("subject").asString());
    for (String list : List.of("to", "cc", "reply_to", "from")) {
      for (JsonNode participant : request.path(list)) {
        assertOneLine(list + ".name", participant.path("name").asString(""));
        assertOneLine(list + ".email", participant.path("email").asString(""));
      }
    }
    for (JsonNode header : request.path("custom_headers")) {
      assertOneLine("header name", header.path("name").asString());
      assertOneLine("header " + header.path("name").asString(), header.path("value").asString());
    }
    assertOneLine("reply_to_message_id", request.path("reply_to_message_id").asString(""));
  }

  private static void assertOneLine(String what, String value) {
    assertThat(value.codePoints().filter(c -> Character.isISOControl(c) && c != '\t'))
        .as("%s %s", what, value)
        .isEmpty();
  }

  /** The body of the send request that carried this outbound message (our id in a header). */
  private static JsonNode sendRequest(MailPipeline pipeline, UUID messageId) {
    return pipeline.nylas.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/messages/send"))
        .map(RecordedRequest::bodyText)
        .map(JSON::readTree)
        .filter(
            body -> {
              for (JsonNode header : body.path("custom_headers")) {
                if (header.path("value").asString("").equals(messageId.toString())) {
                  return true;
                }
              }
              return false;
            })
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no send request for " + messageId));
  }

  private static void assertSent(MessagesRecord row) {
    assertThat(row.getDeliveryStatus())
        .as(String.valueOf(row.getDeliveryError()))
        .isEqualTo("SENT");
  }
}
