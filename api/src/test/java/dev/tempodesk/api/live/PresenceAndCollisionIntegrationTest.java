package dev.tempodesk.api.live;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.api.live.SseClient.about;
import static dev.tempodesk.db.jooq.Tables.TICKET_PRESENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
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
 * Issue 20's presence and reply collision against the running app and a real Postgres: who else has
 * a ticket open (staff only, lapsing without a heartbeat, on the live stream within a second), and
 * the 409 that stops a reply written while another agent replied.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tempodesk.presence.ttl=PT2S")
@ActiveProfiles("test")
class PresenceAndCollisionIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  private static final String COLLISION = "urn:tempodesk:problem:reply-collision";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired LiveEventListener listener;
  @Autowired DSLContext dsl;

  private AgentsRecord alex;
  private AgentsRecord bea;
  private HttpApi asAlex;
  private HttpApi asBea;
  private ContactsRecord carla;
  private HttpApi asCarla;

  @BeforeEach
  void setUp() throws InterruptedException {
    TestAccounts accounts = TestAccounts.of(app);
    alex = accounts.agent("AGENT");
    bea = accounts.agent("AGENT");
    asAlex = TestAccounts.signIn(port, alex.getEmail());
    asBea = TestAccounts.signIn(port, bea.getEmail());
    carla = accounts.customer(null);
    asCarla = TestAccounts.signIn(port, carla.getEmail());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!listener.isListening() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(listener.isListening()).as("the replica's listener is connected").isTrue();
  }

  private long ticket() {
    Response created =
        asAlex.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Printer on fire",
                    "description",
                    "d",
                    "reporterId",
                    carla.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private static void here(HttpApi agent, long number, boolean typing) {
    Response put =
        agent.put("/api/tickets/" + number + "/presence", json(Map.of("typing", typing)));
    assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(204);
  }

  private static List<JsonNode> others(HttpApi agent, long number) {
    Response list = agent.get("/api/tickets/" + number + "/presence");
    assertThat(list.status()).as(String.valueOf(list.body())).isEqualTo(200);
    return list.body().valueStream().toList();
  }

  @Test
  void shouldShowWhoElseHasTheTicketOpenAndWhetherTheyAreWriting() {
    long number = ticket();

    here(asAlex, number, false);
    here(asBea, number, false);
    assertThat(others(asBea, number))
        .singleElement()
        .satisfies(
            alexHere -> {
              assertThat(alexHere.get("agentId").asLong()).isEqualTo(alex.getId());
              assertThat(alexHere.get("name").asString()).isEqualTo(alex.getDisplayName());
              assertThat(alexHere.get("state").asString()).isEqualTo("VIEWING");
            });
    assertThat(others(asAlex, number))
        .as("Alex sees Bea, never himself")
        .extracting(other -> other.get("agentId").asLong())
        .containsExactly(bea.getId());

    here(asAlex, number, true);
    assertThat(others(asBea, number).getFirst().get("state").asString()).isEqualTo("TYPING");

    Response left =
        asAlex.send("DELETE", "/api/tickets/" + number + "/presence", "application/json", "");
    assertThat(left.status()).isEqualTo(204);
    assertThat(others(asBea, number)).isEmpty();
  }

  @Test
  void shouldForgetAPresenceNotRenewedWithinItsExpiryAndCleanItUp() throws Exception {
    long number = ticket();
    here(asAlex, number, true);
    assertThat(others(asBea, number)).hasSize(1);

    Thread.sleep(2_200); // the test's ttl is 2 s; Alex's page closed without saying so

    assertThat(others(asBea, number)).as("an expired presence is no presence").isEmpty();
    here(asBea, number, false); // any heartbeat cleans up
    assertThat(
            dsl.fetchCount(
                TICKET_PRESENCE,
                TICKET_PRESENCE
                    .TICKET_NUMBER
                    .eq(number)
                    .and(TICKET_PRESENCE.AGENT_ID.eq(alex.getId()))))
        .as("the expired row is deleted")
        .isZero();
  }

  @Test
  void shouldPutPresenceChangesOnStaffStreamsWithinASecondAndNeverOnTheCustomers()
      throws Exception {
    long number = ticket();
    try (SseClient beas = SseClient.open(asBea, null);
        SseClient carlas = SseClient.open(asCarla, null)) {
      long arrived = System.nanoTime();
      here(asAlex, number, false);
      beas.await(about("presence.changed", number), WITHIN_A_SECOND);
      assertThat(Duration.ofNanos(System.nanoTime() - arrived)).isLessThan(WITHIN_A_SECOND);

      long heartbeatsBefore = presenceEvents(beas, number);
      here(asAlex, number, false); // only renewed: nothing changed for anyone
      here(asAlex, number, true);
      beas.await(
          event ->
              event.name().equals("presence.changed")
                  && Long.valueOf(number).equals(event.ticketNumber())
                  && presenceEvents(beas, number) > heartbeatsBefore,
          WITHIN_A_SECOND);

      // A change Carla may see, sent after the presence: once it is there, so would be the rest.
      Response changed =
          asAlex.patch(
              "/api/tickets/" + number, json(Map.of("priority", "HIGH", "comment", "live test")));
      assertThat(changed.status()).isEqualTo(200);
      carlas.await(about("ticket.changed", number), WITHIN_A_SECOND);
      assertThat(presenceEvents(beas, number)).as("a renewal alone sends no event").isEqualTo(2);
      assertThat(carlas.seen()).noneMatch(event -> event.name().startsWith("presence."));
    }
  }

  private static long presenceEvents(SseClient stream, long number) {
    return stream.seen().stream()
        .filter(event -> event.name().equals("presence.changed"))
        .filter(event -> Long.valueOf(number).equals(event.ticketNumber()))
        .count();
  }

  @Test
  void shouldKeepPresenceFromCustomersAndAnswer404ForAnUnknownTicket() {
    long number = ticket();
    here(asAlex, number, false);

    assertThat(asCarla.get("/api/tickets/" + number + "/presence").status()).isEqualTo(403);
    assertThat(asCarla.put("/api/tickets/" + number + "/presence", "{}").status()).isEqualTo(403);
    Response unknown = asAlex.put("/api/tickets/999999/presence", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.problemField()).isEqualTo("number");
  }

  // --- Reply collision ---

  private UUID newestMessage(HttpApi agent, long number) {
    List<JsonNode> thread =
        agent.get("/api/tickets/" + number + "/messages").body().valueStream().toList();
    return UUID.fromString(thread.getLast().get("id").asString());
  }

  private static Response reply(
      HttpApi agent, long number, String text, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("body", text);
    return agent.post("/api/tickets/" + number + "/replies", json(body));
  }

  private static String sent(Response response) {
    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(202);
    return response.body().get("message").get("id").asString();
  }

  @Test
  void shouldRefuseAReplyWrittenWhileAnotherAgentRepliedAndShowTheNewerReply() {
    long number = ticket();
    UUID seenByAlex = newestMessage(asAlex, number);
    String beas = sent(reply(asBea, number, "Hi Carla,\n\n  we replaced the toner.", Map.of()));

    Response refused =
        reply(asAlex, number, "Please restart it.", Map.of("seenUpTo", seenByAlex.toString()));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.problemType()).isEqualTo(COLLISION);
    assertThat(refused.problemField()).isEqualTo("seenUpTo");
    JsonNode newer = refused.body().get("newerReplies");
    assertThat(newer).hasSize(1);
    assertThat(newer.get(0).get("id").asString()).isEqualTo(beas);
    assertThat(newer.get(0).get("authorAgentId").asLong()).isEqualTo(bea.getId());
    assertThat(newer.get(0).get("authorName").asString()).isEqualTo(bea.getDisplayName());
    assertThat(newer.get(0).get("excerpt").asString())
        .isEqualTo("Hi Carla, we replaced the toner.");
    assertThat(newer.get(0).hasNonNull("occurredAt")).isTrue();
    assertThat(refused.body().get("detail").asString()).contains(bea.getDisplayName());
    assertThat(thread(number)).as("nothing was sent").hasSize(2);

    sent(
        reply(
            asAlex,
            number,
            "Please restart it.",
            Map.of("seenUpTo", seenByAlex.toString(), "sendAnyway", true)));
    assertThat(thread(number)).hasSize(3);
    // Having seen Bea's reply, Alex writes on without a question.
    sent(reply(asAlex, number, "One more thing.", Map.of("seenUpTo", beas)));
  }

  @Test
  void shouldNotAskAboutOnesOwnEarlierReplyNorAboutNotes() {
    long number = ticket();
    UUID seen = newestMessage(asAlex, number);
    sent(reply(asAlex, number, "First answer.", Map.of()));
    Response note =
        asBea.post("/api/tickets/" + number + "/notes", json(Map.of("body", "Internal remark")));
    assertThat(note.status()).isEqualTo(201);

    sent(reply(asAlex, number, "Second answer.", Map.of("seenUpTo", seen.toString())));
  }

  @Test
  void shouldNameSeenUpToWhenItIsNoMessageOfTheTicket() {
    long number = ticket();
    long other = ticket();

    Response unknown =
        reply(asAlex, number, "Hello", Map.of("seenUpTo", UUID.randomUUID().toString()));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.problemField()).isEqualTo("seenUpTo");
    Response elsewhere =
        reply(asAlex, number, "Hello", Map.of("seenUpTo", newestMessage(asAlex, other).toString()));
    assertThat(elsewhere.status()).isEqualTo(422);
    assertThat(elsewhere.problemField()).isEqualTo("seenUpTo");
    Response notUuid = reply(asAlex, number, "Hello", Map.of("seenUpTo", "yesterday"));
    assertThat(notUuid.status()).isEqualTo(400);
    assertThat(notUuid.problemField()).isEqualTo("seenUpTo");
  }

  private List<JsonNode> thread(long number) {
    return asAlex.get("/api/tickets/" + number + "/messages").body().valueStream().toList();
  }
}
