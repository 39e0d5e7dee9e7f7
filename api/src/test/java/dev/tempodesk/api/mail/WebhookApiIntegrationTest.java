package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.WEBHOOK_NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.NylasReferenceVector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Nylas webhook endpoint with the reference's signed test notification. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tempodesk.nylas.webhook-secret=whsec-test-0123456789")
@ActiveProfiles("test")
class WebhookApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  private static final String BODY = NylasReferenceVector.BODY;
  private static final String SIGNATURE = NylasReferenceVector.SIGNATURE;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired DSLContext dsl;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/nylas"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("X-Nylas-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerTheVerificationChallengeWithTheRawValue() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/webhooks/nylas?challenge=c-5f1e"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("c-5f1e");
  }

  @Test
  void shouldRejectUnsignedOrTamperedNotificationsAndProcessNothing() throws Exception {
    String flipped = SIGNATURE.substring(0, 10) + "1" + SIGNATURE.substring(11);
    String reserialised = BODY.replace("\"id\":\"evt-7f3a9c01\"", "\"id\": \"evt-tampered\"");
    int seenBefore = dsl.fetchCount(WEBHOOK_NOTIFICATIONS);

    assertThat(post(BODY, null).statusCode()).isEqualTo(401);
    assertThat(post(BODY, flipped).statusCode()).isEqualTo(401);
    assertThat(post(reserialised, SIGNATURE).statusCode()).isEqualTo(401);
    assertThat(dsl.fetchCount(WEBHOOK_NOTIFICATIONS)).isEqualTo(seenBefore);
  }

  @Test
  void shouldAcceptTheSignedNotificationAndRememberItsIdOnce() throws Exception {
    assertThat(post(BODY, SIGNATURE).statusCode()).isEqualTo(200);
    assertThat(post(BODY, SIGNATURE).statusCode()).isEqualTo(200);

    assertThat(dsl.fetchCount(WEBHOOK_NOTIFICATIONS, WEBHOOK_NOTIFICATIONS.ID.eq("evt-7f3a9c01")))
        .isEqualTo(1);
  }
}
