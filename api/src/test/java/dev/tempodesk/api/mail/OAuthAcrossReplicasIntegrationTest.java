package dev.tempodesk.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas on one database, behind a load balancer that sends the OAuth callback wherever it
 * likes: the state one replica signs, any other accepts, and a restart in between changes nothing.
 * No TEMPODESK_OAUTH_STATE_SECRET is set, so the key is the one the first replica kept in Postgres.
 */
class OAuthAcrossReplicasIntegrationTest {
  private static final FakeNylasServer NYLAS =
      FakeNylasServer.start("replicas-key", "replicas-client", FaultPlan.none());

  private final TestDatabases.TestDatabase database = TestDatabases.fresh();

  @AfterAll
  static void stopNylas() {
    NYLAS.close();
  }

  private ConfigurableApplicationContext replica() {
    return new SpringApplicationBuilder(TempodeskApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--tempodesk.nylas.api-uri=" + NYLAS.baseUrl(),
            "--tempodesk.nylas.api-key=replicas-key",
            "--tempodesk.nylas.client-id=replicas-client");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /**
   * Starts connecting a mailbox and lets the fake Nylas consent: the path of the callback the
   * browser is sent to next, with its code and state.
   */
  private static String consent(HttpApi browser, String email) {
    HttpApi.Response toNylas = browser.get("/api/mailboxes/connect?email=" + email);
    assertThat(toNylas.status()).isEqualTo(302);
    HttpApi.Response back = browser.get(toNylas.header("Location"));
    assertThat(back.status()).isEqualTo(302);
    // PUBLIC_BASE_URL decides the host in production; here each replica is reached directly.
    return back.header("Location").replace("http://localhost:8080", "");
  }

  @Test
  void shouldCompleteOnAnyReplicaAndAfterARestartAConnectStartedOnAnother() {
    String pendingCallback;
    try (ConfigurableApplicationContext first = replica();
        ConfigurableApplicationContext second = replica()) {
      HttpApi onFirst = TestAccounts.signIn(port(first), adminOf(first));
      HttpApi onSecond = onFirst.sameBrowserAt(port(second));

      HttpApi.Response connected = onSecond.get(consent(onFirst, "help@acme.example"));

      assertThat(connected.status()).as(connected.body().toString()).isEqualTo(200);
      assertThat(connected.body().get("email").asString()).isEqualTo("help@acme.example");
      assertThat(onFirst.get("/api/mailboxes").body().toString()).contains("help@acme.example");

      pendingCallback = consent(onSecond, "sales@acme.example");
    }

    try (ConfigurableApplicationContext restarted = replica()) {
      HttpApi browser = TestAccounts.signIn(port(restarted), adminOf(restarted));

      HttpApi.Response forged = browser.get(withForgedSignature(pendingCallback));
      HttpApi.Response resumed = browser.get(pendingCallback);

      assertThat(forged.status()).isEqualTo(422);
      assertThat(forged.problemField()).isEqualTo("state");
      assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
      assertThat(resumed.body().get("email").asString()).isEqualTo("sales@acme.example");
      assertThat(browser.get("/api/mailboxes").body().toString())
          .contains("help@acme.example", "sales@acme.example");
    }
  }

  /** The admin of the shared database, created on the first call. */
  private static String adminOf(ConfigurableApplicationContext app) {
    return app.getBean(AgentRepository.class).listAll().stream()
        .filter(agent -> agent.getRole().equals("ADMIN"))
        .map(AgentsRecord::getEmail)
        .findFirst()
        .orElseGet(() -> TestAccounts.of(app).agent("ADMIN").getEmail());
  }

  /** The same callback with one hex digit of the state's signature changed. */
  private static String withForgedSignature(String callback) {
    int stateAt = callback.indexOf("state=");
    int end = callback.indexOf('&', stateAt);
    end = end < 0 ? callback.length() : end;
    char last = callback.charAt(end - 1);
    return callback.substring(0, end - 1) + (last == '0' ? '1' : '0') + callback.substring(end);
  }
}
