package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NylasWebhookSignatureTest {

  private static final String SECRET = "whsec-test-0123456789";
  private static final String SIGNATURE =
      "0858f6286f50b1bdce19590cb1ac3952c36f4b1a8c5bea8b18ff6efd98eaa749";

  private static byte[] body;

  @BeforeAll
  static void loadBody() throws IOException {
    try (InputStream in =
        NylasWebhookSignatureTest.class.getResourceAsStream(
            "/nylas/webhook-message-created.json")) {
      body = in.readAllBytes();
    }
  }

  @Test
  void shouldAcceptReferenceVector() {
    assertThat(body).hasSize(629);
    assertThat(NylasWebhookSignature.isValid(body, SECRET, SIGNATURE)).isTrue();
  }

  @Test
  void shouldAcceptNylasJavaSdkVector() {
    byte[] payload =
        ("{\"specversion\":\"1.0\",\"type\":\"grant.deleted\",\"source\":\"/nylas/system\","
                + "\"id\":\"Kkx2QQB7TWjWM3KXRQQn562394\",\"time\":1717162394,"
                + "\"webhook_delivery_attempt\":1,\"data\":{\"application_id\":"
                + "\"a7966b5a-9bc2-44b7-9895-4e2b281ce6be\",\"object\":{\"code\":25013,"
                + "\"grant_id\":\"4c22c3c5-d163-48b6-ad95-45fedc879683\",\"integration_id\":"
                + "\"b7dd6e6e-af6a-463b-92fa-be35c2683f5c\",\"metric\":1934,\"provider\":\"google\"}}}")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(
            NylasWebhookSignature.isValid(
                payload,
                "UfZWFrkjsbg5bxLbax-y",
                "a4534f7e68dcd54f0621f7539ddd5a0d14a9a46ace9b68a4cfd9c99b4b6b89cc"))
        .isTrue();
  }

  @Test
  void shouldRejectFlippedHexDigit() {
    String flipped = SIGNATURE.substring(0, 63) + "8";

    assertThat(NylasWebhookSignature.isValid(body, SECRET, flipped)).isFalse();
  }

  @Test
  void shouldRejectReserialisedJson() {
    byte[] reserialised =
        NylasJson.MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(NylasJson.MAPPER.readTree(body));

    assertThat(reserialised).isNotEqualTo(body);
    assertThat(NylasWebhookSignature.isValid(reserialised, SECRET, SIGNATURE)).isFalse();
  }

  @Test
  void shouldRejectWrongSecret() {
    assertThat(NylasWebhookSignature.isValid(body, "whsec-other", SIGNATURE)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "0858f6286f50",
        "zz58f6286f50b1bdce19590cb1ac3952c36f4b1a8c5bea8b18ff6efd98eaa749"
      })
  void shouldRejectMissingOrMalformedHeader(String header) {
    assertThat(NylasWebhookSignature.isValid(body, SECRET, header)).isFalse();
  }

  @Test
  void shouldAcceptUppercaseHexBecauseItEncodesTheSameMac() {
    assertThat(NylasWebhookSignature.isValid(body, SECRET, SIGNATURE.toUpperCase(Locale.ROOT)))
        .isTrue();
    assertThat(NylasWebhookSignature.isValid(body, SECRET, " " + SIGNATURE + "\n")).isTrue();
  }
}
