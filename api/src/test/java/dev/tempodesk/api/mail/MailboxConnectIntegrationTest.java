package dev.tempodesk.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
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
  @Autowired ApplicationContext app;

  private HttpApi admin() {
    return TestAccounts.signIn(port, TestAccounts.of(app).agent("ADMIN").getEmail());
  }

  private static String redirectOf(HttpApi.Response response) {
    assertThat(response.status()).isEqualTo(302);
    return response.header("Location");
  }

  @Test
  void shouldConnectAMailboxThroughHostedAuthAndStartItsSync() {
    HttpApi admin = admin();
    String toNylas = redirectOf(admin.get("/api/mailboxes/connect?email=help@acme.example"));
    assertThat(toNylas)
        .startsWith(NYLAS.baseUrl() + "/v3/connect/auth")
        .contains("client_id=connect-client");

    String callback = redirectOf(admin.get(toNylas));
    // The app is reached through localhost here; PUBLIC_BASE_URL decides the host in production.
    callback = callback.replace("http://localhost:8080", "");
    HttpApi.Response connected = admin.get(callback);

    assertThat(connected.status()).as(connected.body().toString()).isEqualTo(200);
    assertThat(connected.body().get("email").asString()).isEqualTo("help@acme.example");
    assertThat(admin.get("/api/mailboxes").body().toString()).contains("help@acme.example");
    HttpApi.Response reused = admin.get(callback);
    assertThat(reused.status()).as("a code works once").isEqualTo(502);
  }

  @Test
  void shouldRefuseACallbackWhoseStateWeDidNotIssue() {
    HttpApi.Response forged = admin().get("/api/mailboxes/callback?code=abc&state=forged.1.00");

    assertThat(forged.status()).isEqualTo(422);
    assertThat(forged.problemField()).isEqualTo("state");
  }
}
