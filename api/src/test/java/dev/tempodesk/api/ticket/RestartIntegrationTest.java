package dev.tempodesk.api.ticket;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded mode's Temporal server forgets everything when the app stops; Postgres does not.
 * After a restart the reconciler must give every ticket that can still change its workflow back.
 */
class RestartIntegrationTest {
  private final TestDatabases.TestDatabase database = TestDatabases.fresh();

  private ConfigurableApplicationContext startApp() {
    return new SpringApplicationBuilder(TempodeskApplication.class)
        .profiles("test")
        // As arguments, so they outrank application.yaml (server.port there reads PORT).
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=postgres");
  }

  /** Signed in as an admin of the shared database (created on the first call). */
  private static HttpApi api(ConfigurableApplicationContext app) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    AgentRepository agents = app.getBean(AgentRepository.class);
    String email =
        agents.listAll().stream()
            .filter(agent -> agent.getRole().equals("ADMIN"))
            .map(AgentsRecord::getEmail)
            .findFirst()
            .orElseGet(() -> TestAccounts.of(app).agent("ADMIN").getEmail());
    return TestAccounts.signIn(port, email);
  }

  @Test
  void shouldRecreateWorkflowsOfOpenTicketsAfterRestart() {
    long open;
    long pending;
    long closedLongAgo;
    try (ConfigurableApplicationContext first = startApp()) {
      AgentsRecord alice =
          first.getBean(AgentRepository.class).insert("alice@example.com", "Alice", "AGENT", 3);
      ContactsRecord carla =
          first.getBean(ContactRepository.class).findOrCreate("carla@example.com", "Carla", null);
      HttpApi api = api(first);
      open = create(api, carla, "Still open");
      pending = create(api, carla, "Waiting for Carla");
      closedLongAgo = create(api, carla, "Done");
      api.patch(
          "/api/tickets/" + open, json(Map.of("assigneeId", alice.getId(), "comment", "mine")));
      api.patch(
          "/api/tickets/" + pending,
          json(
              Map.of(
                  "status",
                  "PENDING",
                  "pendingReason",
                  "CUSTOMER",
                  "pendingFor",
                  "P2D",
                  "comment",
                  "asked for logs")));
      api.patch(
          "/api/tickets/" + closedLongAgo, json(Map.of("status", "CLOSED", "comment", "fixed")));
    }
    closedDaysAgo(closedLongAgo, 30);
    try (ConfigurableApplicationContext second = startApp()) {
      HttpApi api = api(second);
      TicketWorkflowGateway workflows = second.getBean(TicketWorkflowGateway.class);

      TicketState pendingState = workflows.existing(pending).current();
      assertThat(pendingState.status).isEqualTo(TicketStatus.PENDING);
      assertThat(pendingState.pendingUntil).isNotNull();
      Response changed =
          api.patch(
              "/api/tickets/" + open, json(Map.of("priority", "HIGH", "comment", "after restart")));
      assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
      assertThat(changed.body().get("ticket").get("version").asLong()).isEqualTo(3);
      Response resumed =
          api.patch(
              "/api/tickets/" + pending,
              json(Map.of("status", "OPEN", "assigneeId", 1, "comment", "got the logs")));
      assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
      Response archived =
          api.patch(
              "/api/tickets/" + closedLongAgo,
              json(Map.of("status", "OPEN", "comment", "reopen?")));
      assertThat(archived.status()).as(archived.body().toString()).isEqualTo(409);
    }
  }

  @Test
  void shouldKeepPeopleSignedInAcrossARestartBecauseSessionsLiveInPostgres() {
    HttpApi browser;
    try (ConfigurableApplicationContext first = startApp()) {
      browser = api(first);
      assertThat(browser.get("/api/auth/me").status()).isEqualTo(200);
    }
    try (ConfigurableApplicationContext second = startApp()) {
      HttpApi sameBrowser =
          browser.sameBrowserAt(((WebServerApplicationContext) second).getWebServer().getPort());

      Response me = sameBrowser.get("/api/auth/me");

      assertThat(me.status()).as(me.body().toString()).isEqualTo(200);
      assertThat(me.body().get("role").asString()).isEqualTo("ADMIN");
      assertThat(sameBrowser.get("/api/tickets").status()).isEqualTo(200);
    }
  }

  /** Back-dates a close beyond the reopen window, as if the app had been down for weeks. */
  private void closedDaysAgo(long number, int days) {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update tickets set closed_at = now() - make_interval(days => ?) where number = ?")) {
      update.setInt(1, days);
      update.setLong(2, number);
      assertThat(update.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long create(HttpApi api, ContactsRecord reporter, String subject) {
    Response created =
        api.post(
            "/api/tickets",
            json(Map.of("subject", subject, "description", "d", "reporterId", reporter.getId())));
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("number").asLong();
  }
}
