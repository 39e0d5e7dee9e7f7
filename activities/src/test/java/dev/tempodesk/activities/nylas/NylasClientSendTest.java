package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.activities.nylas.NylasApiException.Kind;
import dev.tempodesk.fakes.nylas.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class NylasClientSendTest extends NylasClientTestBase {

  private static final String KEY = "5b0f3c1e-8a2d-4f7b-9c61-2e4d8a0b7f13";
  private static final SendMessageRequest REPLY =
      new SendMessageRequest(
          List.of(new EmailAddress("Dana Client", "dana@client.example")),
          null,
          null,
          null,
          "Re: Quote request",
          "<p>Great, attached.</p>",
          "msg-1001",
          List.of(new MessageHeader("X-Tempodesk-Ticket", "T-42")),
          null,
          null,
          Map.of("key1", "T-42"));

  @Test
  void shouldPostJsonWithIdempotencyKeyAndReplyTarget() throws Exception {
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));

    NylasMessage sent = client.send(GRANT, REPLY, KEY);

    RecordedRequest request = takeRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v3/grants/grant-abc-123/messages/send");
    assertThat(request.header("Idempotency-Key")).isEqualTo(KEY);
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = NylasJson.MAPPER.readTree(request.bodyText());
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "to", "subject", "body", "reply_to_message_id", "custom_headers", "metadata");
    assertThat(body.path("to").path(0).path("email").asString()).isEqualTo("dana@client.example");
    assertThat(body.path("reply_to_message_id").asString()).isEqualTo("msg-1001");
    assertThat(body.path("custom_headers").path(0).path("name").asString())
        .isEqualTo("X-Tempodesk-Ticket");
    assertThat(body.path("metadata").path("key1").asString()).isEqualTo("T-42");

    assertThat(sent.id()).isEqualTo("msg-2001");
    assertThat(sent.threadId()).isEqualTo("thr-0055");
    assertThat(sent.grantId()).isEqualTo(GRANT);
  }

  @Test
  void shouldSerialisePlaintextFlagAndSender() throws Exception {
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));
    SendMessageRequest plain =
        new SendMessageRequest(
            List.of(EmailAddress.of("dana@client.example")),
            List.of(),
            null,
            List.of(EmailAddress.of("support@ourco.example")),
            "Hello",
            "Plain text",
            null,
            null,
            true,
            List.of(new EmailAddress("Support", "support@ourco.example")),
            null);

    client.send(GRANT, plain, KEY);

    JsonNode body = NylasJson.MAPPER.readTree(takeRequest().bodyText());
    assertThat(body.path("is_plaintext").asBoolean()).isTrue();
    assertThat(body.path("cc").isArray()).isTrue();
    assertThat(body.path("reply_to").path(0).path("email").asString())
        .isEqualTo("support@ourco.example");
    assertThat(body.path("from").path(0).path("name").asString()).isEqualTo("Support");
  }

  @Test
  void shouldReturnReplayedOutcomeForTheSameKey() throws Exception {
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));
    nylas.script("POST", SEND, json(200, SENT_MESSAGE).withHeader("Idempotent-Response", "true"));

    NylasMessage first = client.send(GRANT, REPLY, KEY);
    NylasMessage replay = client.send(GRANT, REPLY, KEY);

    assertThat(replay).isEqualTo(first);
    assertThat(takeRequest().header("Idempotency-Key")).isEqualTo(KEY);
    assertThat(takeRequest().header("Idempotency-Key")).isEqualTo(KEY);
  }

  @Test
  void shouldNotRetryKeyReusedWithDifferentPayload() {
    nylas.script(
        "POST",
        SEND,
        json(409, error("req-409", "api.invalid_idempotent_request", "payload mismatch")));
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));

    NylasApiException e = catchApiError(() -> client.send(GRANT, REPLY, KEY));

    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
    assertThat(e.type()).isEqualTo("api.invalid_idempotent_request");
    assertThat(e.retryable()).isFalse();
    assertThat(nylas.requestCount()).isEqualTo(1);
  }

  @Test
  void shouldRetryConcurrentRequestWithTheSameKey() throws Exception {
    nylas.script(
        "POST",
        SEND,
        json(409, error("req-409", "api.concurrent_idempotent_request", "still in progress")));
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));

    NylasMessage sent = client.send(GRANT, REPLY, KEY);

    assertThat(sent.id()).isEqualTo("msg-2001");
    assertThat(sleeps).hasSize(1);
    assertThat(takeRequest().header("Idempotency-Key")).isEqualTo(KEY);
    RecordedRequest retry = takeRequest();
    assertThat(retry.header("Idempotency-Key")).isEqualTo(KEY);
    assertThat(retry.bodyText()).contains("\"reply_to_message_id\":\"msg-1001\"");
  }

  @Test
  void shouldNotRetryProviderRejection() {
    nylas.script(
        "POST",
        SEND,
        json(402, error("req-402", "api.send_rejected", "Message rejected for some recipients")));
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));

    NylasApiException e = catchApiError(() -> client.send(GRANT, REPLY, KEY));

    assertThat(e.status()).isEqualTo(402);
    assertThat(e.kind()).isEqualTo(Kind.CLIENT);
    assertThat(e.retryable()).isFalse();
    assertThat(nylas.requestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void shouldRequireAnIdempotencyKey(String key) {
    assertThatThrownBy(() -> client.send(GRANT, REPLY, key))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(nylas.requestCount()).isZero();
  }

  @Test
  void shouldRejectIdempotencyKeyLongerThan256Chars() {
    nylas.script("POST", SEND, json(200, SENT_MESSAGE));

    assertThatThrownBy(() -> client.send(GRANT, REPLY, "k".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(client.send(GRANT, REPLY, "k".repeat(256)).id()).isEqualTo("msg-2001");
    assertThat(nylas.requestCount()).isEqualTo(1);
  }

  @Test
  void shouldRequireARecipient() {
    assertThatThrownBy(() -> SendMessageRequest.reply(List.of(), "s", "b", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
