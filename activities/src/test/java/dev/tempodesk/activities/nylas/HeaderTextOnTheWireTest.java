package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Header text at the Nylas boundary (issue 16 item 3): a message read from Nylas has its subject,
 * names, addresses and headers as one line, and whatever the caller puts into a send, the request
 * Nylas receives carries no CR, LF or other control character in a header.
 */
class HeaderTextOnTheWireTest extends NylasClientTestBase {
  private static final String KEY = "7c1d9a52-3e0b-4f6a-8d2c-5b9e0f1a2c3d";

  @Test
  void shouldSendEveryHeaderAsOneLineWhateverTheCallerGave() throws Exception {
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));
    SendMessageRequest dirty =
        new SendMessageRequest(
            List.of(new EmailAddress("Dana\r\nBcc: evil@attacker.example", "dana@client.example")),
            List.of(new EmailAddress("Cc\u2028Person", "cc@client.example\r\n")),
            null,
            null,
            "Re: [#7] Printer\r\nBcc: evil@attacker.example\r\n\r\n<p>injected</p>",
            "<p>Body lines\r\nstay as they are</p>",
            "msg-1001\r\nX-Evil: 1",
            List.of(new MessageHeader("X-Tempodesk-Message-Id", "id\r\nX-Evil: 1")),
            null,
            List.of(new EmailAddress("Support\u0085Desk", "support@ourco.example")),
            null);

    client.send(GRANT, dirty, KEY);

    JsonNode body = NylasJson.MAPPER.readTree(takeRequest().bodyText());
    assertThat(body.path("subject").asString())
        .isEqualTo("Re: [#7] Printer Bcc: evil@attacker.example <p>injected</p>");
    assertThat(body.path("to").path(0).path("name").asString())
        .isEqualTo("Dana Bcc: evil@attacker.example");
    assertThat(body.path("cc").path(0).path("name").asString()).isEqualTo("Cc Person");
    assertThat(body.path("cc").path(0).path("email").asString()).isEqualTo("cc@client.example");
    assertThat(body.path("from").path(0).path("name").asString()).isEqualTo("Support Desk");
    assertThat(body.path("reply_to_message_id").asString()).isEqualTo("msg-1001 X-Evil: 1");
    assertThat(body.path("custom_headers").path(0).path("value").asString())
        .isEqualTo("id X-Evil: 1");
    assertThat(body.has("bcc")).isFalse();
    assertThat(body.path("body").asString())
        .as("the body is no header")
        .isEqualTo("<p>Body lines\r\nstay as they are</p>");
  }

  @Test
  void shouldReadAMessagesHeadersAsOneLine() {
    nylas.script(
        "GET",
        MESSAGE,
        json(
            200,
            """
            {"request_id":"r","data":{"id":"msg-1001","object":"message","grant_id":"grant-abc-123",
             "thread_id":"thr-1","subject":"Printer\\r\\nBcc: evil@attacker.example",
             "from":[{"name":"Dana\\r\\n Client","email":"dana@client.example"}],
             "to":[],"cc":[],"bcc":[],"reply_to":[],"date":1735689690,"body":"Hi\\r\\nthere",
             "headers":[{"name":"References","value":"<a@x.example>\\r\\n <b@x.example>"}],
             "folders":["INBOX"],"attachments":[]}}"""));

    NylasMessage message = client.getMessage(GRANT, "msg-1001", true);

    assertThat(message.subject()).isEqualTo("Printer Bcc: evil@attacker.example");
    assertThat(message.from().getFirst().name()).isEqualTo("Dana Client");
    assertThat(message.header("References")).hasValue("<a@x.example> <b@x.example>");
    assertThat(message.body()).as("the body keeps its lines").isEqualTo("Hi\r\nthere");
  }
}
