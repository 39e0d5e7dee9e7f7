package dev.tempodesk.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.demo.nylas.FakeNylasServer;
import dev.tempodesk.api.demo.nylas.FaultPlan;
import dev.tempodesk.db.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connecting a mailbox through hosted OAuth, against the fake Nylas. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The connected mailbox's sync keeps polling this class's fake Nylas; stop it with the class.
@DirtiesContext
class MailboxConnectIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final FakeNylasServer NYLAS =
      FakeNylasServer.start("connect-key", "connect-client", FaultPlan.none());

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("tempodesk.nylas.api-uri", NYLAS::baseUrl);
    registry.add("tempodesk.nylas.api-key", () -> "connect-key");
    registry.add("tempodesk.nylas.client-id", () -> "connect-client");
  }

  @AfterAll
  static void stopNylas() {
    NYLAS.close();
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String redirectOf(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void shouldConnectAMailboxThroughHostedAuthAndStartItsSync() throws Exception {
    String base = "http://localhost:" + port;
    String toNylas = redirectOf(get(base + "/api/mailboxes/connect?email=help@acme.example"));
    assertThat(toNylas)
        .startsWith(NYLAS.baseUrl() + "/v3/connect/auth")
        .contains("client_id=connect-client");

    String callback = redirectOf(get(toNylas));
    // The app is reached through localhost here; PUBLIC_BASE_URL decides the host in production.
    callback = callback.replace("http://localhost:8080", base);
    HttpResponse<String> connected = get(callback);

    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    assertThat(connected.body()).contains("\"email\":\"help@acme.example\"");
    assertThat(new HttpApi(port).get("/api/mailboxes").body().toString())
        .contains("help@acme.example");
    HttpResponse<String> reused = get(callback);
    assertThat(reused.statusCode()).as("a code works once").isEqualTo(502);
  }

  @Test
  void shouldRefuseACallbackWhoseStateWeDidNotIssue() throws Exception {
    HttpApi api = new HttpApi(port);

    HttpApi.Response forged = api.get("/api/mailboxes/callback?code=abc&state=forged.1.00");

    assertThat(forged.status()).isEqualTo(422);
    assertThat(forged.problemField()).isEqualTo("state");
  }
}
