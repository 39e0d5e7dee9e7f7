package dev.tempodesk.api.ticket;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Tags end to end (issue 19): PATCH tags/addTags/removeTags through the workflow into the row and
 * the audit trail, the list's {@code tag=} filter, the autocomplete and the figures per tag, on a
 * real Postgres, signed in as a manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TagsApiIntegrationTest {
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

  /** A prefix of this test's own, so tags of other tests never count. */
  private String unique;

  @BeforeEach
  void setUp() {
    api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    unique = "t" + UUID.randomUUID().toString().substring(0, 8);
    carla = contacts.findOrCreate(unique + "@example.com", "Carla " + unique, null);
  }

  @Test
  void shouldSetAddAndRemoveTagsNormalizedAndAuditTheChange() {
    long number = createTicket("Tag me");

    Response set =
        patch(
            number,
            Map.of("tags", List.of(" VPN  Client ", tag("b"), tag("A")), "comment", "triage"));
    Response edited =
        patch(
            number,
            Map.of(
                "addTags",
                List.of(tag("c")),
                "removeTags",
                List.of("vpn client"),
                "comment",
                "refined"));

    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    assertThat(texts(set.body().get("ticket").get("tags")))
        .containsExactly(tag("a"), tag("b"), "vpn-client");
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(texts(edited.body().get("ticket").get("tags")))
        .containsExactly(tag("a"), tag("b"), tag("c"));
    assertThat(texts(api.get("/api/tickets/" + number).body().get("tags")))
        .containsExactly(tag("a"), tag("b"), tag("c"));
    JsonNode events = api.get("/api/tickets/" + number + "/events").body();
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.get("comment").asString()).isEqualTo("refined");
    JsonNode change = last.get("changes").get(0);
    assertThat(change.get("field").asString()).isEqualTo("tags");
    assertThat(change.get("from").asString())
        .isEqualTo(tag("a") + ", " + tag("b") + ", vpn-client");
    assertThat(change.get("to").asString()).isEqualTo(tag("a") + ", " + tag("b") + ", " + tag("c"));
  }

  @Test
  void shouldRefuseUnusableTagsNamingTheFieldAndKeepTheTicket() {
    long number = createTicket("Bad tags");

    Response comma = patch(number, Map.of("tags", List.of("a,b"), "comment", "c"));
    Response blank = patch(number, Map.of("addTags", List.of("  "), "comment", "c"));
    Response tooLong = patch(number, Map.of("removeTags", List.of("x".repeat(51)), "comment", "c"));
    Response noComment = patch(number, Map.of("addTags", List.of(tag("ok"))));

    assertThat(comma.status()).isEqualTo(422);
    assertThat(comma.problemField()).isEqualTo("tags");
    assertThat(blank.problemField()).isEqualTo("addTags");
    assertThat(tooLong.problemField()).isEqualTo("removeTags");
    assertThat(noComment.problemField()).isEqualTo("comment");
    JsonNode ticket = api.get("/api/tickets/" + number).body();
    assertThat(ticket.get("tags")).isEmpty();
    assertThat(ticket.get("version").asLong()).isEqualTo(1);
  }

  @Test
  void shouldListOnlyTicketsWithAllTheTagsOfTheFilter() {
    long both = createTicket("Both");
    long onlyA = createTicket("Only a");
    long onlyB = createTicket("Only b");
    tagTicket(both, tag("a"), tag("b"));
    tagTicket(onlyA, tag("a"));
    tagTicket(onlyB, tag("b"), tag("x"));

    assertThat(listed("tag=" + tag("a") + "&tag=" + tag("b"))).containsExactly(both);
    assertThat(listed("tag=" + tag("a"))).containsExactlyInAnyOrder(both, onlyA);
    // Normalized like a tag: " B" with a capital and a space finds the stored tag.
    assertThat(listed("tag=" + encode(" " + tag("B").toUpperCase() + " ")))
        .containsExactlyInAnyOrder(both, onlyB);
    assertThat(listed("tag=" + tag("a") + "&tag=" + tag("x"))).isEmpty();
    // One value with commas is several tags (tags never hold a comma).
    assertThat(listed("tag=" + tag("a") + "," + tag("b"))).containsExactly(both);
  }

  @Test
  void shouldRefuseAnUnusableTagInTheFilterAsAnInvalidFieldNamingTag() {
    for (String bad : List.of("be%07ll", "%20", "x".repeat(51))) {
      Response response = api.get("/api/tickets?tag=" + bad);

      // 422 invalid-field, as every value the API parses but refuses (400 is for unparseable ones).
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.problemField()).as(bad).isEqualTo("tag");
    }
  }

  @Test
  void shouldSuggestTagsByPrefixMostUsedFirstWithCounts() {
    tagTicket(createTicket("One"), tag("printer"), tag("paper"));
    tagTicket(createTicket("Two"), tag("printer"));
    tagTicket(createTicket("Three"), tag("printer"), tag("pen"));

    JsonNode suggested = api.get("/api/tags?prefix=" + encode(tag("P").toUpperCase())).body();
    JsonNode limited = api.get("/api/tags?prefix=" + tag("p") + "&limit=1").body();

    assertThat(suggested.findValuesAsString("tag"))
        .containsExactly(tag("printer"), tag("paper"), tag("pen"));
    assertThat(suggested.get(0).get("tickets").asInt()).isEqualTo(3);
    assertThat(suggested.get(1).get("tickets").asInt()).isEqualTo(1);
    assertThat(limited.findValuesAsString("tag")).containsExactly(tag("printer"));
    assertThat(api.get("/api/tags?prefix=a%2C").problemField()).isEqualTo("prefix");
    assertThat(api.get("/api/tags?prefix=a%2C").status()).isEqualTo(422);
    assertThat(api.get("/api/tags?limit=0").status()).isEqualTo(400);
  }

  @Test
  void shouldCountTicketsPerTagCreatedInTheRangeAndOpenNow() {
    long first = createTicket("First");
    long second = createTicket("Second");
    tagTicket(first, tag("vip"), tag("vpn"));
    tagTicket(second, tag("vip"));
    close(second);

    JsonNode figures = api.get("/api/stats/tags?limit=200").body();
    Map<String, int[]> mine = new HashMap<>();
    for (JsonNode row : figures.get("tags")) {
      if (row.get("tag").asString().startsWith(unique)) {
        mine.put(
            row.get("tag").asString(),
            new int[] {row.get("created").asInt(), row.get("open").asInt()});
      }
    }

    assertThat(mine).containsOnlyKeys(tag("vip"), tag("vpn"));
    assertThat(mine.get(tag("vip"))).containsExactly(2, 1);
    assertThat(mine.get(tag("vpn"))).containsExactly(1, 1);
    String future = "2999-01-01T00:00:00Z";
    JsonNode later =
        api.get("/api/stats/tags?from=" + future + "&to=2999-01-02T00:00:00Z").body().get("tags");
    assertThat(later.findValuesAsString("tag")).contains(tag("vpn"));
    for (JsonNode row : later) {
      assertThat(row.get("created").asInt()).isZero();
    }
    assertThat(
            api.get("/api/stats/tags?from=" + future + "&to=2998-01-01T00:00:00Z").problemField())
        .isEqualTo("from");
  }

  private String tag(String name) {
    return unique + "-" + name.toLowerCase();
  }

  private long createTicket(String subject) {
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", subject, "description", "It broke.", "reporterId", carla.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private void tagTicket(long number, String... tags) {
    Response response = patch(number, Map.of("addTags", List.of(tags), "comment", "tagging"));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
  }

  private void close(long number) {
    Response response = patch(number, Map.of("status", "CLOSED", "comment", "done"));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
  }

  private Response patch(long number, Map<String, Object> body) {
    return api.patch("/api/tickets/" + number, json(body));
  }

  private List<Long> listed(String query) {
    Response response = api.get("/api/tickets?includeDone=true&limit=200&" + query);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    List<Long> numbers = new ArrayList<>();
    response.body().get("items").forEach(item -> numbers.add(item.get("number").asLong()));
    return numbers;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
