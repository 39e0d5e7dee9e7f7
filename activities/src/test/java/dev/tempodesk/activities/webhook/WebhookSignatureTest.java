package dev.tempodesk.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "whsec-0123456789abcdef";
  private static final byte[] BODY =
      "{\"id\":\"evt_1\",\"type\":\"ticket.created\"}".getBytes(StandardCharsets.UTF_8);

  /** The vector of docs/webhooks.md, computed with Python's hmac and Node's crypto. */
  private static final String SIGNATURE =
      "v1=90006431dad68b2f56df412482e532abea94edeb25081f3e9ffa5f4ffd9c19ee";

  private static final long AT = 1765000000L;

  @Test
  void signsTheTimestampADotAndTheRawBody() {
    assertThat(WebhookSignature.sign(SECRET, AT, BODY)).isEqualTo(SIGNATURE);
  }

  @Test
  void verifiesAFreshPostAndRefusesAnythingElse() {
    Instant now = Instant.ofEpochSecond(AT + 60);
    assertThat(WebhookSignature.verify(SECRET, "1765000000", BODY, SIGNATURE, now)).isTrue();

    byte[] tampered =
        "{\"id\":\"evt_2\",\"type\":\"ticket.created\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.verify(SECRET, "1765000000", tampered, SIGNATURE, now)).isFalse();
    assertThat(WebhookSignature.verify("another-secret-123", "1765000000", BODY, SIGNATURE, now))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1765000001", BODY, SIGNATURE, now)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1765000000", BODY, SIGNATURE.toUpperCase(), now))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "soon", BODY, SIGNATURE, now)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, BODY, SIGNATURE, now)).isFalse();
  }

  @Test
  void refusesATimestampOlderThanFiveMinutes() {
    assertThat(
            WebhookSignature.verify(
                SECRET, "1765000000", BODY, SIGNATURE, Instant.ofEpochSecond(AT + 300)))
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                SECRET, "1765000000", BODY, SIGNATURE, Instant.ofEpochSecond(AT + 301)))
        .isFalse();
  }
}
