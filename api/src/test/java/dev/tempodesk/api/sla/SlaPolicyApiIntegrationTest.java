package dev.tempodesk.api.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaMetric;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import java.util.ArrayList;
import java.util.List;
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

/** SLA policies through the API, as an admin orders them and agents read which one applies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SlaPolicyApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String PATH = "/api/sla-policies";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired SlaPolicies policies;
  @Autowired OrganizationRepository organizations;

  private HttpApi admin;
  private HttpApi agent;
  private String name;

  /** An organization of this test's own, so policies of other tests never match. */
  private long organization;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    agent = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
    name = "Gold " + UUID.randomUUID();
    organization = organizations.insert(name, null).getId();
  }

  private String gold(String calendar, String targets) {
    return """
        {"name": "%s", %s
         "conditions": {"organizationIds": [%d], "priorities": ["HIGH", "URGENT"]},
         "targets": %s,
         "pauses": {"RESOLUTION": ["CUSTOMER"]}}"""
        .formatted(name, calendar, organization, targets);
  }

  private long created(String body) {
    Response created = admin.post(PATH, body);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private JsonNode match(String query) {
    Response match = agent.get(PATH + "/match?" + query);
    assertThat(match.status()).as(match.body().toString()).isEqualTo(200);
    return match.body();
  }

  @Test
  void shouldSeedTodaysDefaultsOnTheBuiltInCalendarMatchingEveryTicket() {
    JsonNode list = agent.get(PATH).body();
    JsonNode last = list.get(list.size() - 1);
    long builtIn = agent.get("/api/business-calendars").body().get(0).get("id").asLong();

    assertThat(last.get("name").asString()).isEqualTo("Default");
    assertThat(last.get("calendarId").asLong()).isEqualTo(builtIn);
    assertThat(last.get("conditions").get("priorities")).isEmpty();
    assertThat(last.get("targets").get("URGENT").get("TIME_TO_ASSIGN").asString())
        .isEqualTo("PT15M");
    assertThat(last.get("targets").get("LOW").get("RESOLUTION").asString()).isEqualTo("PT72H");
    assertThat(last.get("targets").get("HIGH").has("FIRST_RESPONSE")).isFalse();
    assertThat(last.get("pauses").get("NEXT_REPLY")).hasSize(4);
    SlaPolicyRules seeded = policies.all().getLast();
    assertThat(seeded)
        .isEqualTo(SlaPolicyRules.of("Default", seeded.position(), builtIn, SlaPolicy.defaults()));
  }

  @Test
  void shouldCreateMatchReplaceAndDeleteAPolicy() {
    long id =
        created(gold("", "{\"HIGH\": {\"FIRST_RESPONSE\": \"PT1H\", \"NEXT_REPLY\": \"PT4H\"}}"));

    JsonNode first = agent.get(PATH).body().get(0);
    assertThat(first.get("id").asLong()).as("a new policy goes first").isEqualTo(id);
    assertThat(first.get("position").asInt()).isEqualTo(1);
    assertThat(first.get("targets").get("HIGH").get("FIRST_RESPONSE").asString()).isEqualTo("PT1H");
    assertThat(first.get("pauses").get("RESOLUTION").get(0).asString()).isEqualTo("CUSTOMER");
    assertThat(first.get("pauses").get("FIRST_RESPONSE")).hasSize(4);
    assertThat(
            match("organizationId=" + organization + "&priority=URGENT&channel=EMAIL")
                .get("name")
                .asString())
        .isEqualTo(name);
    assertThat(match("organizationId=" + organization + "&priority=LOW").get("name").asString())
        .as("a condition that does not hold")
        .isEqualTo("Default");
    assertThat(match("priority=URGENT").get("name").asString())
        .as("no organization")
        .isEqualTo("Default");

    Response replaced =
        admin.put(
            PATH + "/" + id,
            gold("", "{\"LOW\": {\"RESOLUTION\": \"P5D\"}}").replace("\"HIGH\", ", ""));
    assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
    assertThat(replaced.body().get("position").asInt()).isEqualTo(1);
    assertThat(replaced.body().get("targets").has("HIGH")).isFalse();
    assertThat(match("organizationId=" + organization + "&priority=HIGH").get("name").asString())
        .isEqualTo("Default");

    assertThat(admin.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(204);
    assertThat(admin.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(404);
    assertThat(match("organizationId=" + organization + "&priority=URGENT").get("name").asString())
        .isEqualTo("Default");
  }

  @Test
  void shouldReorderThePoliciesAndApplyTheFirstThatMatches() {
    long broad = created(gold("", "{}").replace(", \"priorities\": [\"HIGH\", \"URGENT\"]", ""));
    name = name + " urgent";
    long narrow = created(gold("", "{}"));
    assertThat(match("organizationId=" + organization + "&priority=URGENT").get("id").asLong())
        .as("the newest, narrow one is first")
        .isEqualTo(narrow);

    List<Long> order = ids();
    List<Long> swapped = new ArrayList<>(order);
    swapped.set(order.indexOf(narrow), broad);
    swapped.set(order.indexOf(broad), narrow);
    Response reordered = admin.put(PATH + "/order", "{\"ids\": " + swapped + "}");

    assertThat(reordered.status()).as(reordered.body().toString()).isEqualTo(200);
    assertThat(ids()).isEqualTo(swapped);
    assertThat(match("organizationId=" + organization + "&priority=URGENT").get("id").asLong())
        .isEqualTo(broad);

    Response incomplete =
        admin.put(PATH + "/order", "{\"ids\": " + swapped.subList(1, swapped.size()) + "}");
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.problemField()).isEqualTo("ids");
    assertThat(ids()).isEqualTo(swapped);
    admin.send("DELETE", PATH + "/" + broad, "application/json", "");
    admin.send("DELETE", PATH + "/" + narrow, "application/json", "");
  }

  private List<Long> ids() {
    List<Long> ids = new ArrayList<>();
    agent.get(PATH).body().forEach(policy -> ids.add(policy.get("id").asLong()));
    return ids;
  }

  @Test
  void shouldRefuseABadPolicyWith422NamingTheField() {
    Response target = admin.post(PATH, gold("", "{\"HIGH\": {\"FIRST_RESPONSE\": \"1 hour\"}}"));
    assertThat(target.status()).isEqualTo(422);
    assertThat(target.header("Content-Type")).startsWith("application/problem+json");
    assertThat(target.problemField()).isEqualTo("targets.HIGH.FIRST_RESPONSE");

    Response zero = admin.post(PATH, gold("", "{\"LOW\": {\"RESOLUTION\": \"PT0S\"}}"));
    assertThat(zero.problemField()).isEqualTo("targets.LOW.RESOLUTION");

    Response metric = admin.post(PATH, gold("", "{\"LOW\": {\"SOLVED\": \"PT1H\"}}"));
    assertThat(metric.problemField()).isEqualTo("targets.LOW.SOLVED");

    Response priority = admin.post(PATH, gold("", "{}").replace("\"URGENT\"", "\"ASAP\""));
    assertThat(priority.problemField()).isEqualTo("conditions.priorities[1]");

    Response reason = admin.post(PATH, gold("", "{}").replace("[\"CUSTOMER\"]", "[\"LUNCH\"]"));
    assertThat(reason.problemField()).isEqualTo("pauses.RESOLUTION[0]");

    Response unknown = admin.post(PATH, gold("", "{}").replace("[" + organization, "[999999"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.problemField()).isEqualTo("conditions.organizationIds[0]");

    Response mailbox =
        admin.post(
            PATH,
            gold("", "{}")
                .replace("\"conditions\": {", "\"conditions\": {\"mailboxIds\": [999999], "));
    assertThat(mailbox.problemField()).isEqualTo("conditions.mailboxIds[0]");

    Response calendar = admin.post(PATH, gold("\"calendarId\": 999999,", "{}"));
    assertThat(calendar.status()).isEqualTo(422);
    assertThat(calendar.problemField()).isEqualTo("calendarId");

    Response nameless = admin.post(PATH, gold("", "{}").replace(name, " "));
    assertThat(nameless.problemField()).isEqualTo("name");

    Response badQuery = agent.get(PATH + "/match?priority=ASAP");
    assertThat(badQuery.status()).isBetween(400, 422);
    assertThat(badQuery.problemField()).isEqualTo("priority");

    assertThat(agent.get(PATH).body())
        .noneMatch(policy -> policy.get("name").asString().startsWith(name));
  }

  @Test
  void shouldRefuseATakenNameWith409() {
    long id = created(gold("", "{}"));

    Response again = admin.post(PATH, gold("", "{}"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemField()).isEqualTo("name");
    assertThat(ids()).containsOnlyOnce(id);
    admin.send("DELETE", PATH + "/" + id, "application/json", "");
  }

  @Test
  void shouldRefuseToDeleteACalendarAPolicyCountsInNamingThePolicy() {
    Response calendar =
        admin.post(
            "/api/business-calendars",
            """
            {"name": "Office %s", "zone": "Europe/Berlin",
             "hours": {"MONDAY": [{"start": "09:00", "end": "17:00"}]}}"""
                .formatted(UUID.randomUUID()));
    long calendarId = calendar.body().get("id").asLong();
    long id =
        created(
            gold(
                "\"calendarId\": " + calendarId + ",",
                "{\"URGENT\": {\"FIRST_RESPONSE\": \"PT1H\"}}"));
    assertThat(policies.all().getFirst().calendarId()).isEqualTo(calendarId);
    assertThat(policies.all().getFirst().target(Priority.URGENT, SlaMetric.FIRST_RESPONSE))
        .hasValue(java.time.Duration.ofHours(1));

    Response refused =
        admin.send("DELETE", "/api/business-calendars/" + calendarId, "application/json", "");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.problemField()).isEqualTo("id");
    assertThat(refused.body().get("detail").asString()).contains(name);
    assertThat(agent.get("/api/business-calendars/" + calendarId).status()).isEqualTo(200);

    admin.send("DELETE", PATH + "/" + id, "application/json", "");
    assertThat(
            admin
                .send("DELETE", "/api/business-calendars/" + calendarId, "application/json", "")
                .status())
        .isEqualTo(204);
  }
}
