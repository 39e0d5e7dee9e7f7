package dev.tempodesk.api.similar;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
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
 * {@code GET /api/tickets/{number}/similar}: a ticket solved through the API with a reply is
 * suggested on a new ticket about the same thing, with that reply; no assist provider is set up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SimilarTicketsApiTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ContactRepository contacts;
  @Autowired ApplicationContext app;

  private HttpApi api;
  private ContactsRecord carla;
  private String unique;

  @BeforeEach
  void setUp() {
    api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    unique = "q" + UUID.randomUUID().toString().substring(0, 8);
    carla = contacts.findOrCreate("carla-" + unique + "@example.com", "Carla", null);
  }

  @Test
  void shouldSuggestASolvedTicketWithTheReplyThatSolvedIt() {
    long solved = create("Projector shows no signal " + unique, "The projector says no signal.");
    reply(solved, "Press the HDMI input button twice; the projector picks the laptop up.");
    Response note =
        api.post("/api/tickets/" + solved + "/notes", json(Map.of("body", "Loose cable too")));
    assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
    Response closing =
        api.patch(
            "/api/tickets/" + solved,
            json(Map.of("status", "CLOSED", "resolution", "SOLVED", "comment", "Fixed")));
    assertThat(closing.status()).as(closing.body().toString()).isEqualTo(200);
    long fresh = create("No signal on the projector " + unique, "Projector: no signal again.");

    try {
      await(
          () -> similar(fresh, "").size() == 1 && !similar(fresh, "").get(0).get("reply").isNull());
    } catch (AssertionError notYet) {
      throw new AssertionError(
          "similar: "
              + similar(fresh, "")
              + "; "
              + api.get("/api/tickets/" + solved).body()
              + "; messages: "
              + api.get("/api/tickets/" + solved + "/messages").body(),
          notYet);
    }
    JsonNode found = similar(fresh, "").get(0);

    assertThat(found.get("number").asLong()).isEqualTo(solved);
    assertThat(found.get("subject").asString()).isEqualTo("Projector shows no signal " + unique);
    assertThat(found.get("resolution").asString()).isEqualTo("SOLVED");
    assertThat(found.get("closedAt").isNull()).isFalse();
    assertThat(found.get("rank").asDouble()).isPositive();
    assertThat(found.get("reply").get("text").asString()).startsWith("Press the HDMI input button");
    // The open ticket is no suggestion for the solved one: only solved tickets are.
    assertThat(similar(solved, "")).isEmpty();
  }

  @Test
  void shouldAnswerAnEmptyListWhenNothingIsAlike() {
    long lonely = create("Zyxwvut " + unique, "Nothing like it anywhere.");

    assertThat(similar(lonely, "?limit=20")).isEmpty();
  }

  @Test
  void shouldRefuseALimitOutOfRangeNamingIt() {
    long number = create("Limits " + unique, "Anything.");

    for (String limit : new String[] {"0", "21", "-1", "five", "99999999999"}) {
      Response response = api.get("/api/tickets/" + number + "/similar?limit=" + limit);
      assertThat(response.status()).as(limit).isEqualTo(400);
      assertThat(response.body().toString()).as(limit).contains("limit");
    }
    assertThat(api.get("/api/tickets/987654321/similar").status()).isEqualTo(404);
  }

  private JsonNode similar(long number, String query) {
    Response response = api.get("/api/tickets/" + number + "/similar" + query);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.body();
  }

  private void reply(long number, String body) {
    Response replied = api.post("/api/tickets/" + number + "/replies", json(Map.of("body", body)));
    assertThat(replied.status()).as(replied.body().toString()).isIn(200, 201, 202);
  }

  private long create(String subject, String description) {
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", subject, "description", description, "reporterId", carla.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }
}
