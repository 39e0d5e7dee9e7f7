package dev.tempodesk.fakes.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Where providers differ (reference "Read first" 3 and 5): IMAP, Microsoft, Junk and Trash. */
class FakeNylasProvidersTest {
  static final String KEY = "nyk-providers";
  static final String IMAP = "grant-imap";
  static final String MICROSOFT = "grant-microsoft";

  final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  FakeNylasServer server;
  NylasHttp http;

  @BeforeEach
  void start() {
    server = FakeNylasServer.start(KEY, "app-providers", FaultPlan.none(), clock);
    server.addGrant(IMAP, "desk@imap.example", "imap");
    server.addGrant(MICROSOFT, "desk@outlook.example", "microsoft");
    http = new NylasHttp(server.baseUrl(), KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String reply(String replyToMessageId, String headers) {
    return "{\"to\":[{\"email\":\"dana@client.example\"}],\"subject\":\"Re: Quote\","
        + "\"body\":\"Sure\",\"reply_to_message_id\":\""
        + replyToMessageId
        + "\",\"custom_headers\":["
        + headers
        + "]}";
  }

  @Test
  void imapGrantThreadsRepliesByMessageIdAndDoesNotKnowNylasIds() {
    FakeMessage question =
        server.receive(IMAP, InboundEmail.of("Dana", "dana@client.example", "Quote", "?"));

    NylasHttp.Response byNylasId = http.send(IMAP, reply(question.id(), ""), null);
    NylasHttp.Response byMessageId = http.send(IMAP, reply(question.messageIdHeader(), ""), null);

    assertThat(byNylasId.status()).isEqualTo(404);
    assertThat(byNylasId.json().get("error").get("type").asString()).isEqualTo("not_found_error");
    assertThat(byMessageId.status()).isEqualTo(200);
    assertThat(byMessageId.json().get("data").get("thread_id").asString())
        .isEqualTo(question.threadId());
    assertThat(server.sent(IMAP).getFirst().header("In-Reply-To"))
        .isEqualTo(question.messageIdHeader());
    assertThat(http.get("/v3/grants/" + IMAP).json().get("data").get("provider").asString())
        .isEqualTo("imap");
  }

  @Test
  void microsoftGrantRefusesCustomHeadersNotNamedX() {
    FakeMessage question =
        server.receive(MICROSOFT, InboundEmail.of("Dana", "dana@client.example", "Quote", "?"));
    String autoSubmitted = "{\"name\":\"Auto-Submitted\",\"value\":\"auto-replied\"}";
    String suppress = "{\"name\":\"X-Auto-Response-Suppress\",\"value\":\"All\"}";

    NylasHttp.Response refused =
        http.send(MICROSOFT, reply(question.id(), suppress + "," + autoSubmitted), "k-1");
    NylasHttp.Response sent = http.send(MICROSOFT, reply(question.id(), suppress), "k-2");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").get("message").asString()).contains("Auto-Submitted");
    assertThat(sent.status()).isEqualTo(200);
    assertThat(server.sent(MICROSOFT)).hasSize(1);
    assertThat(server.sent(MICROSOFT).getFirst().header("X-Auto-Response-Suppress"))
        .isEqualTo("All");
  }

  @Test
  void junkAndTrashAreFoldersWithTheirAttributes() {
    FakeMessage spam =
        server.receiveInto(
            IMAP, InboundEmail.of("Win", "win@prize.example", "You won", "!"), FakeMailbox.JUNK);

    JsonNode folders = http.get("/v3/grants/" + IMAP + "/folders").json().get("data");
    JsonNode listed = http.get("/v3/grants/" + IMAP + "/messages").json().get("data").get(0);

    assertThat(folders.toString()).contains("\\\\Junk", "\\\\Trash");
    assertThat(listed.get("id").asString()).isEqualTo(spam.id());
    assertThat(listed.get("folders").toString()).contains(FakeMailbox.JUNK);
  }
}
