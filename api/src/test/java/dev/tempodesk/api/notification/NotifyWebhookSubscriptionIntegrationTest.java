package dev.tempodesk.api.notification;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app started with TEMPODESK_NOTIFY_WEBHOOK_URL and _SECRET (issue 22.2): the ENVIRONMENT
 * subscription is there, listed for admins, and an assignment reaches the URL as a signed {@code
 * notification} post whose text is the old notification webhook's line, through the dispatcher and
 * the webhook delivery workflow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotifyWebhookSubscriptionIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String SECRET = "operator-chosen-secret-1";
  private static final LoopbackWebhook WEBHOOK = start();

  private static LoopbackWebhook start() {
    try {
      return new LoopbackWebhook();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("tempodesk.notifications.webhook-url", WEBHOOK::url);
    registry.add("tempodesk.notifications.webhook-secret", () -> SECRET);
  }

  @AfterAll
  static void stop() {
    WEBHOOK.close();
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired ContactRepository contacts;

  @Test
  void shouldListTheEnvironmentSubscriptionAndPostAnAssignmentToItSigned() throws Exception {
    TestAccounts accounts = TestAccounts.of(app);
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    JsonNode listed = admin.get("/api/webhook-subscriptions").body();
    List<JsonNode> environment =
        listed.findParents("source").stream()
            .filter(row -> row.path("source").asString().equals("ENVIRONMENT"))
            .toList();
    assertThat(environment).as(listed.toString()).hasSize(1);
    assertThat(environment.getFirst().path("url").asString()).isEqualTo(WEBHOOK.url());
    assertThat(environment.getFirst().path("eventTypes").toString()).contains("notification");

    HttpApi manager = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    AgentsRecord alice = accounts.agent("AGENT");
    ContactsRecord carla = contacts.findOrCreate("carla-hook@example.com", "Carla Hook", null);
    Response created =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", "Laptop won't boot",
                    "description", "Black screen.",
                    "priority", "NORMAL",
                    "reporterId", carla.getId())));
    long number = created.body().get("number").asLong();
    Response assigned =
        manager.patch(
            "/api/tickets/" + number,
            json(Map.of("comment", "yours", "assigneeId", alice.getId())));
    assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);

    String line =
        "#%d was assigned to you (for %s): \"Laptop won't boot\" (NORMAL)"
            .formatted(number, alice.getDisplayName());
    LoopbackWebhook.Post post = awaitPostWithText(line);
    assertThat(post.signedWith(SECRET)).as("signed with TEMPODESK_NOTIFY_WEBHOOK_SECRET").isTrue();
    JsonNode body = JsonMapper.builder().build().readTree(post.body());
    assertThat(body.path("type").asString()).isEqualTo("notification");
    assertThat(body.path("data").path("recipient").path("id").asLong()).isEqualTo(alice.getId());
    assertThat(post.idempotencyKey()).isEqualTo(body.path("id").asString());
  }

  private static LoopbackWebhook.Post awaitPostWithText(String line) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    JsonMapper json = JsonMapper.builder().build();
    while (Instant.now().isBefore(giveUp)) {
      for (LoopbackWebhook.Post post : WEBHOOK.accepted()) {
        if (json.readTree(post.body()).path("text").asString().equals(line)) {
          return post;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no post with text " + line + " in " + WEBHOOK.posts());
  }
}
