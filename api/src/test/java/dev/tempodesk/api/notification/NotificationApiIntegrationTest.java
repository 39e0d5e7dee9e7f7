package dev.tempodesk.api.notification;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The in-app feed over HTTP on a real database, fed by the ticket workflow; each agent signs in and
 * sees only their own entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired AgentRepository agents;
  @Autowired ContactRepository contacts;
  @Autowired NotificationRepository notifications;

  private HttpApi api;
  private HttpApi manager;
  private AgentsRecord alice;
  private AgentsRecord bob;
  private ContactsRecord carla;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    api = HttpApi.anonymous(port);
    manager = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    alice = accounts.agent("AGENT");
    bob = accounts.agent("AGENT");
    String unique = UUID.randomUUID().toString().substring(0, 8);
    carla = contacts.findOrCreate("carla-" + unique + "@example.com", "Carla " + unique, null);
  }

  private void signIn(AgentsRecord agent) {
    api = TestAccounts.signIn(port, agent.getEmail());
  }

  @Test
  void shouldShowTheNewAssigneeTheAssignmentAndLetThemMarkItRead() throws Exception {
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

    signIn(alice);
    JsonNode feed = awaitFeedOf(1);
    JsonNode entry = feed.get("items").get(0);
    assertThat(entry.get("eventKind").asString()).isEqualTo("ASSIGNED");
    assertThat(entry.get("ticketNumber").asLong()).isEqualTo(number);
    assertThat(entry.get("title").asString()).isEqualTo("#" + number + " was assigned to you");
    assertThat(entry.get("readAt").isNull()).isTrue();
    assertThat(feed.get("unreadCount").asInt()).isEqualTo(1);

    signIn(bob);
    assertThat(api.get("/api/notifications").body().get("items")).isEmpty();
    long id = entry.get("id").asLong();
    assertThat(api.post("/api/notifications/" + id + "/read", "{}").status())
        .as("not Bob's to mark")
        .isEqualTo(404);

    signIn(alice);
    Response read = api.post("/api/notifications/" + id + "/read", "{}");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().get("readAt").isNull()).isFalse();
    assertThat(api.get("/api/notifications").body().get("unreadCount").asInt()).isZero();
  }

  @Test
  void shouldPageTheFeedNewestFirstAndMarkAllRead() {
    for (int i = 1; i <= 25; i++) {
      notifications.insertIfAbsent(entryFor(bob, "n-" + bob.getId() + "-" + i, "Note " + i));
    }
    signIn(bob);

    JsonNode first = api.get("/api/notifications?limit=20").body();
    assertThat(first.get("items")).hasSize(20);
    assertThat(first.get("items").get(0).get("title").asString()).isEqualTo("Note 25");
    assertThat(first.get("unreadCount").asInt()).isEqualTo(25);
    long before = first.get("nextBefore").asLong();
    JsonNode second = api.get("/api/notifications?limit=20&before=" + before).body();
    assertThat(second.get("items")).hasSize(5);
    assertThat(second.get("items").get(4).get("title").asString()).isEqualTo("Note 1");
    assertThat(second.get("nextBefore").isNull()).isTrue();

    assertThat(api.post("/api/notifications/read-all", "{}").body().get("unreadCount").asInt())
        .isZero();
    assertThat(api.get("/api/notifications").body().get("unreadCount").asInt()).isZero();
  }

  @Test
  void shouldRefuseTheFeedWithoutSignIn() {
    Response response = api.get("/api/notifications");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void shouldRejectAPageSizeOutOfRangeNamingTheField() {
    signIn(bob);

    Response response = api.get("/api/notifications?limit=0");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.problemField()).isEqualTo("limit");
  }

  private JsonNode awaitFeedOf(int entries) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(20);
    JsonNode feed = api.get("/api/notifications").body();
    while (feed.get("items").size() < entries && Instant.now().isBefore(giveUp)) {
      Thread.sleep(50);
      feed = api.get("/api/notifications").body();
    }
    return feed;
  }

  private static NotificationsRecord entryFor(AgentsRecord agent, String key, String title) {
    return new NotificationsRecord()
        .setDedupeKey(key)
        .setRecipientKind("AGENT")
        .setRecipientId(agent.getId())
        .setChannel("IN_APP")
        .setEventKind("ASSIGNED")
        .setTitle(title)
        .setStatus("SENT")
        .setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
  }
}
