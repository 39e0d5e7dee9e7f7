package dev.tempodesk.api.macro;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
 * Macros over HTTP on a real Postgres and the ticket workflow: who sees and writes which, the
 * checks at save, the preview for the ticket page and the one-step apply with its Idempotency-Key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MacroApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired ContactRepository contacts;

  private AgentsRecord managerRow;
  private AgentsRecord agentRow;
  private HttpApi manager;
  private HttpApi agent;
  private HttpApi otherAgent;
  private String unique;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    managerRow = accounts.agent("MANAGER");
    agentRow = accounts.agent("AGENT");
    manager = TestAccounts.signIn(port, managerRow.getEmail());
    agent = TestAccounts.signIn(port, agentRow.getEmail());
    otherAgent = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
  }

  private long ticketFor(String customerName) {
    ContactsRecord customer =
        contacts.findOrCreate("c-" + unique + "@client.example", customerName, null);
    Response created =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Printer jam " + unique,
                    "description",
                    "It jams.",
                    "reporterId",
                    customer.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private long macro(HttpApi as, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(fields);
    body.putIfAbsent("name", "Macro " + UUID.randomUUID());
    Response created = as.post("/api/macros", json(body));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private Response apply(HttpApi as, long number, long macro, String key) {
    String path = "/api/tickets/" + number + "/macros/" + macro + "/apply";
    return key == null ? as.post(path, "") : as.post(path, "", Map.of("Idempotency-Key", key));
  }

  private List<JsonNode> messages(long number, String visibility) {
    JsonNode all = manager.get("/api/tickets/" + number + "/messages").body();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(m -> m.get("direction").asString().equals("OUTBOUND"))
        .filter(m -> m.get("visibility").asString().equals(visibility))
        .toList();
  }

  private List<JsonNode> events(long number, String kind) {
    JsonNode all = manager.get("/api/tickets/" + number + "/events").body();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(e -> e.get("kind").asString().equals(kind))
        .toList();
  }

  @Test
  void shouldApplyAMacroOnceUnderAnIdempotencyKeyWithOneReplyOneAuditedChangeAndTheNote() {
    long number = ticketFor("Dana Scully");
    long id =
        macro(
            manager,
            Map.of(
                "name", "Printer fix " + unique,
                "shared", true,
                "replyText",
                    "Hi {{customer.firstName}}, about #{{ ticket.number }}: restart it."
                        + " {{agent.name}}{{organization.name}}",
                "note", "Sent the restart advice to {{customer.email}}",
                "priority", "HIGH",
                "status", "PENDING",
                "pendingReason", "CUSTOMER",
                "pendingFor", "P2D",
                "assignToApplier", true));

    Response first = apply(agent, number, id, "key-" + unique);

    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    String replyText = "Hi Dana, about #" + number + ": restart it. " + agentRow.getDisplayName();
    assertThat(first.body().get("reply").get("bodyText").asString()).isEqualTo(replyText);
    JsonNode ticket = first.body().get("ticket");
    assertThat(ticket.get("priority").asString()).isEqualTo("HIGH");
    assertThat(ticket.get("status").asString()).isEqualTo("PENDING");
    assertThat(ticket.get("pendingReason").asString()).isEqualTo("CUSTOMER");
    assertThat(ticket.get("assigneeId").asLong()).isEqualTo(agentRow.getId());

    Response again = apply(agent, number, id, "key-" + unique);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.body().get("reply").get("id")).isEqualTo(first.body().get("reply").get("id"));
    assertThat(again.body().get("changes")).isEqualTo(first.body().get("changes"));
    assertThat(messages(number, "PUBLIC")).hasSize(1);
    assertThat(messages(number, "PUBLIC").getFirst().get("bodyText").asString())
        .isEqualTo(replyText);
    assertThat(messages(number, "INTERNAL"))
        .singleElement()
        .satisfies(
            note ->
                assertThat(note.get("bodyText").asString())
                    .isEqualTo("Sent the restart advice to c-" + unique + "@client.example"));
    List<JsonNode> updates = events(number, "UPDATED");
    assertThat(updates).hasSize(1);
    assertThat(updates.getFirst().get("comment").asString())
        .isEqualTo("Macro: Printer fix " + unique);
    assertThat(updates.getFirst().get("changes").findValuesAsString("field"))
        .contains("status", "priority", "assignee", "pendingReason");
    assertThat(events(number, "REPLIED")).hasSize(1);
  }

  @Test
  void shouldSendNothingWhenTheChangeIsRefusedAndGiveTheKeyBack() {
    long number = ticketFor("Fox Mulder");
    long reassign =
        macro(
            manager,
            Map.of(
                "shared",
                true,
                "replyText",
                "Passing you on to {{agent.name}}.",
                "assigneeId",
                managerRow.getId()));

    Response refused = apply(agent, number, reassign, "refused-" + unique);

    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
    assertThat(refused.problemField()).isEqualTo("assigneeId");
    assertThat(messages(number, "PUBLIC")).isEmpty();
    assertThat(events(number, "UPDATED")).isEmpty();
    Response byManager = apply(manager, number, reassign, "refused-" + unique);
    assertThat(byManager.status()).as("the key is the agent's own").isEqualTo(200);
    assertThat(messages(number, "PUBLIC")).hasSize(1);
  }

  @Test
  void shouldRefuseAKeyReusedForAnotherTicket() {
    long id = macro(agent, Map.of("replyText", "Thanks {{customer.name}}"));
    long first = ticketFor("Walter Skinner");
    assertThat(apply(agent, first, id, "reuse-" + unique).status()).isEqualTo(200);
    long second = ticketFor("Monica Reyes");

    Response reused = apply(agent, second, id, "reuse-" + unique);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.problemField()).isEqualTo("Idempotency-Key");
    assertThat(messages(second, "PUBLIC")).isEmpty();
  }

  @Test
  void shouldPreviewTheRenderedReplyAndThePatchForTheTicketPage() {
    long number = ticketFor("Dana Scully");
    long id =
        macro(
            agent,
            Map.of(
                "replyText", "Dear {{customer.name}} ({{organization.name}}),",
                "status", "CLOSED",
                "resolution", "SOLVED",
                "addTags", List.of("printer"),
                "assignToApplier", true));

    Response preview = agent.post("/api/tickets/" + number + "/macros/" + id + "/preview", "");

    assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
    assertThat(preview.body().get("replyText").asString()).isEqualTo("Dear Dana Scully (),");
    JsonNode update = preview.body().get("update");
    assertThat(update.get("comment").asString()).startsWith("Macro: ");
    assertThat(update.get("status").asString()).isEqualTo("CLOSED");
    assertThat(update.get("assigneeId").asLong()).isEqualTo(agentRow.getId());
    assertThat(update.get("addTags").get(0).asString()).isEqualTo("printer");
    assertThat(update.has("priority")).as("absent fields stay as they are").isFalse();
    assertThat(messages(number, "PUBLIC")).isEmpty();
  }

  @Test
  void shouldKeepPersonalMacrosToTheirOwnerAndSharedOnesToManagers() {
    long personal = macro(agent, Map.of("name", "Mine " + unique, "replyText", "Hello"));
    long shared = macro(manager, Map.of("name", "Team " + unique, "shared", true));

    List<String> seenByOther =
        StreamSupport.stream(otherAgent.get("/api/macros").body().spliterator(), false)
            .map(m -> m.get("name").asString())
            .toList();
    assertThat(seenByOther).contains("Team " + unique).doesNotContain("Mine " + unique);
    assertThat(otherAgent.get("/api/macros/" + personal).status()).isEqualTo(404);
    long number = ticketFor("Dana Scully");
    assertThat(apply(otherAgent, number, personal, null).status()).isEqualTo(404);

    JsonNode mine = agent.get("/api/macros/" + personal).body();
    assertThat(mine.get("shared").asBoolean()).isFalse();
    assertThat(mine.get("editable").asBoolean()).isTrue();
    assertThat(agent.get("/api/macros/" + shared).body().get("editable").asBoolean()).isFalse();

    Response edit = agent.put("/api/macros/" + shared, json(Map.of("name", "Hijacked")));
    assertThat(edit.status()).isEqualTo(403);
    assertThat(edit.problemField()).isEqualTo("shared");
    assertThat(agent.send("DELETE", "/api/macros/" + shared, "application/json", "").status())
        .isEqualTo(403);
    Response share = agent.post("/api/macros", json(Map.of("name", "x", "shared", true)));
    assertThat(share.status()).isEqualTo(403);
    assertThat(share.problemField()).isEqualTo("shared");

    Response renamed =
        manager.put(
            "/api/macros/" + shared, json(Map.of("name", "Team2 " + unique, "shared", true)));
    assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
    assertThat(renamed.body().get("name").asString()).isEqualTo("Team2 " + unique);
    assertThat(agent.send("DELETE", "/api/macros/" + personal, "application/json", "").status())
        .isEqualTo(204);
    assertThat(agent.get("/api/macros/" + personal).status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseABadMacroWith4xxNamingTheField() {
    Map<String, Map<String, Object>> bad =
        Map.of(
            "replyText", Map.of("name", "a", "replyText", "Hi {{customer.shoeSize}}"),
            "note", Map.of("name", "b", "note", "{{ticket.nope}}"),
            "pendingReason", Map.of("name", "c", "status", "PENDING", "pendingFor", "P1D"),
            "pendingFor", Map.of("name", "d", "status", "PENDING", "pendingReason", "CUSTOMER"),
            "resolution", Map.of("name", "e", "status", "OPEN", "resolution", "SOLVED"),
            "assigneeId", Map.of("name", "f", "assigneeId", 999_999),
            "name", Map.of("name", "  "),
            "addTags[1]", Map.of("name", "g", "addTags", List.of("ok", " ")));
    bad.forEach(
        (field, body) -> {
          Response refused = agent.post("/api/macros", json(body));
          assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(422);
          assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
          assertThat(refused.problemField()).isEqualTo(field);
        });
    Response status = agent.post("/api/macros", json(Map.of("name", "h", "status", "SLEEPING")));
    assertThat(status.status()).isBetween(400, 499);

    macro(agent, Map.of("name", "Twice " + unique));
    Response taken = agent.post("/api/macros", json(Map.of("name", "twice " + unique)));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.problemField()).isEqualTo("name");
    assertThat(manager.post("/api/macros", json(Map.of("name", "Twice " + unique))).status())
        .as("another agent's personal names are theirs")
        .isEqualTo(201);

    assertThat(agent.get("/api/macros/placeholders").body().findValuesAsString("name"))
        .contains("customer.name", "ticket.number", "agent.name");
  }
}
