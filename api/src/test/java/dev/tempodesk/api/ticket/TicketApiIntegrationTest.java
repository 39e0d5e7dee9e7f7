package dev.tempodesk.api.ticket;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The ticket REST API end to end: HTTP → workflow → Postgres, on a real database, signed in as a
 * manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired AgentRepository agents;
  @Autowired ContactRepository contacts;
  @Autowired TicketWorkflowGateway workflows;
  @Autowired ApplicationContext app;
  @Autowired WorkflowClient temporal;

  private HttpApi api;
  private AgentsRecord alice;
  private ContactsRecord carla;

  @BeforeEach
  void setUp() {
    api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    String unique = UUID.randomUUID().toString().substring(0, 8);
    alice = agents.insert("alice-" + unique + "@example.com", "Alice " + unique, "AGENT", 3);
    carla = contacts.findOrCreate("carla-" + unique + "@example.com", "Carla " + unique, null);
  }

  private long createTicket(String subject, String priority) {
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    subject,
                    "description",
                    "It broke.",
                    "priority",
                    priority,
                    "reporterId",
                    carla.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  /** A valid new ticket for Carla, plus one more field. */
  private Response createWith(String field, Object value) {
    return api.post(
        "/api/tickets",
        json(
            Map.of("subject", "s", "description", "d", "reporterId", carla.getId(), field, value)));
  }

  private Response patch(long number, Map<String, Object> body) {
    return api.patch("/api/tickets/" + number, json(body));
  }

  @Test
  void shouldCreateTicketWithFirstMessageAndAuditEntry() {
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", "Phone: printer on fire",
                    "description", "Customer called, printer smokes.",
                    "reporterEmail", "NEW.Customer@Example.com",
                    "reporterName", "New Customer",
                    "assigneeId", alice.getId())));

    assertThat(created.status()).isEqualTo(201);
    long number = created.body().get("number").asLong();
    assertThat(created.header("Location")).isEqualTo("/api/tickets/" + number);
    assertThat(created.body().get("status").asString()).isEqualTo("OPEN");
    assertThat(created.body().get("channel").asString()).isEqualTo("PHONE");
    assertThat(created.body().get("reporterEmail").asString())
        .isEqualTo("new.customer@example.com");
    JsonNode messages = api.get("/api/tickets/" + number + "/messages").body();
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("bodyText").asString())
        .isEqualTo("Customer called, printer smokes.");
    JsonNode events = api.get("/api/tickets/" + number + "/events").body();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("kind").asString()).isEqualTo("CREATED");
  }

  @Test
  void shouldRejectPatchWithoutCommentNamingTheField() {
    long number = createTicket("No comment", "NORMAL");

    Response response = patch(number, Map.of("priority", "HIGH"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemField()).isEqualTo("comment");
    assertThat(api.get("/api/tickets/" + number).body().get("priority").asString())
        .isEqualTo("NORMAL");
  }

  @Test
  void shouldApplyChangeThroughWorkflowAndRecordItInTheAuditTrail() {
    long number = createTicket("Assign me", "NORMAL");

    Response response =
        patch(
            number,
            Map.of("assigneeId", alice.getId(), "priority", "URGENT", "comment", "VIP customer"));

    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    JsonNode ticket = response.body().get("ticket");
    assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
    assertThat(ticket.get("priority").asString()).isEqualTo("URGENT");
    assertThat(ticket.get("assigneeName").asString()).isEqualTo(alice.getDisplayName());
    assertThat(ticket.get("version").asLong()).isEqualTo(2);
    assertThat(response.body().get("autoFixes").get(0).asString()).contains("NEW → OPEN");
    JsonNode events = api.get("/api/tickets/" + number + "/events").body();
    JsonNode update = events.get(events.size() - 1);
    assertThat(update.get("kind").asString()).isEqualTo("UPDATED");
    assertThat(update.get("comment").asString()).isEqualTo("VIP customer");
    assertThat(update.get("changes").findValuesAsString("field"))
        .containsExactlyInAnyOrder("status", "priority", "assignee");
    TicketState workflowState = workflows.existing(number).current();
    assertThat(workflowState.version).isEqualTo(2);
    assertThat(workflowState.assigneeId).isEqualTo(alice.getId());
  }

  @Test
  void shouldUnassignWithExplicitNullAndLeaveAssigneeAloneWhenAbsent() {
    long number = createTicket("Unassign me", "NORMAL");
    patch(number, Map.of("assigneeId", alice.getId(), "comment", "take it"));

    Response untouched = patch(number, Map.of("priority", "LOW", "comment", "lower"));
    assertThat(untouched.body().get("ticket").get("assigneeId").asLong()).isEqualTo(alice.getId());

    Response unassigned =
        api.patch("/api/tickets/" + number, "{\"assigneeId\":null,\"comment\":\"requeue\"}");
    assertThat(unassigned.status()).isEqualTo(200);
    assertThat(unassigned.body().get("ticket").get("assigneeId").isNull()).isTrue();
    assertThat(unassigned.body().get("ticket").get("status").asString()).isEqualTo("NEW");
  }

  @Test
  void shouldRefuseStaleExpectedVersionWith409() {
    long number = createTicket("Two agents", "NORMAL");
    patch(number, Map.of("priority", "HIGH", "comment", "first", "expectedVersion", 1));

    Response second =
        patch(number, Map.of("priority", "LOW", "comment", "second", "expectedVersion", 1));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.problemField()).isEqualTo("expectedVersion");
  }

  @Test
  void shouldAnswerBadInputWithProblemDetailNamingTheField() {
    long number = createTicket("Bad input", "NORMAL");
    record Case(Response response, int status, String field) {}
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(patch(number, Map.of("priority", "SUPER", "comment", "x")), 400, "priority"));
    cases.add(
        new Case(patch(number, Map.of("pendingFor", "soon", "comment", "x")), 400, "pendingFor"));
    cases.add(
        new Case(
            patch(
                number,
                Map.of(
                    "status",
                    "PENDING",
                    "pendingReason",
                    "CUSTOMER",
                    "pendingFor",
                    "P31D",
                    "comment",
                    "x")),
            422,
            "pendingFor"));
    cases.add(
        new Case(patch(number, Map.of("resolution", "SOLVED", "comment", "x")), 422, "resolution"));
    cases.add(
        new Case(patch(number, Map.of("assigneeId", 987654, "comment", "x")), 422, "assigneeId"));
    cases.add(
        new Case(
            patch(number, Map.of("expectedVersion", "one", "comment", "x")),
            400,
            "expectedVersion"));
    cases.add(new Case(patch(number, Map.of("comment", "x".repeat(10_001))), 400, "comment"));
    cases.add(new Case(api.patch("/api/tickets/abc", "{}"), 400, "number"));
    cases.add(new Case(api.get("/api/tickets?status=FOO"), 400, "status"));
    cases.add(new Case(api.get("/api/tickets?limit=0"), 400, "limit"));
    cases.add(new Case(api.get("/api/tickets?limit=x"), 400, "limit"));
    cases.add(new Case(api.get("/api/tickets?cursor=garbage"), 422, "cursor"));
    cases.add(
        new Case(
            api.post("/api/tickets", "{\"description\":\"x\",\"reporterId\":1}"), 400, "subject"));
    cases.add(
        new Case(
            api.post("/api/tickets", json(Map.of("subject", "s", "description", "d"))),
            422,
            "reporterId"));
    cases.add(
        new Case(
            api.post(
                "/api/tickets",
                json(Map.of("subject", "s", "description", "d", "reporterEmail", "not-an-email"))),
            400,
            "reporterEmail"));
    cases.add(new Case(createWith("channel", "PORTAL"), 422, "channel"));
    cases.add(new Case(createWith("assetId", 99999), 422, "assetId"));

    for (Case c : cases) {
      assertThat(c.response().status()).as(c.response().body().toString()).isEqualTo(c.status());
      assertThat(c.response().header("Content-Type")).startsWith("application/problem+json");
      assertThat(c.response().problemField())
          .as(c.response().body().toString())
          .isEqualTo(c.field());
    }
  }

  @Test
  void shouldAnswerUnknownTicketWith404AndWrongBodyWithProblem() {
    assertThat(api.get("/api/tickets/999999").status()).isEqualTo(404);
    assertThat(api.patch("/api/tickets/999999", "{\"comment\":\"x\"}").status()).isEqualTo(404);
    assertThat(api.get("/api/tickets/999999/events").status()).isEqualTo(404);
    Response notJson = api.send("PATCH", "/api/tickets/1", "application/json", "{not json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().get("title").asString()).isEqualTo("Malformed request");
    assertThat(api.send("PATCH", "/api/tickets/1", "text/plain", "hi").status()).isEqualTo(415);
  }

  @Test
  void shouldAnswerAnUnknownTicketAlikeOnEveryPath() {
    long unknown = 999_998;

    List<Response> answers =
        List.of(
            api.get("/api/tickets/" + unknown),
            patch(unknown, Map.of("priority", "HIGH", "comment", "x")),
            api.post("/api/tickets/" + unknown + "/replies", json(Map.of("body", "Hi"))),
            api.post("/api/tickets/" + unknown + "/notes", json(Map.of("body", "x"))));

    JsonNode first = problem(answers.getFirst());
    assertThat(first.get("status").asInt()).isEqualTo(404);
    assertThat(first.get("field").asString()).isEqualTo("number");
    assertThat(first.get("detail").asString()).isEqualTo("There is no ticket #" + unknown + ".");
    for (Response answer : answers) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(problem(answer)).isEqualTo(first);
    }
  }

  @Test
  void shouldAnswerATicketWhoseWorkflowIsGoneAlikeOnEveryPath() {
    long number = createTicket("Gone " + UUID.randomUUID(), "NORMAL");
    // As if its reopen window had passed: the ticket stays, its workflow has ended.
    temporal.newUntypedWorkflowStub(TicketWorkflow.workflowId(number)).terminate("test");

    List<Response> answers =
        List.of(
            patch(number, Map.of("priority", "HIGH", "comment", "x")),
            api.post(
                "/api/tickets/" + number + "/replies",
                json(
                    Map.of(
                        "body", "Hi", "setStatus", Map.of("status", "CLOSED", "comment", "done")))),
            api.post("/api/tickets/" + number + "/notes", json(Map.of("body", "x"))));

    JsonNode first = problem(answers.getFirst());
    assertThat(first.get("status").asInt()).as(first.toString()).isEqualTo(409);
    assertThat(first.get("field").asString()).isEqualTo("number");
    assertThat(first.get("detail").asString())
        .isEqualTo("Ticket #" + number + " is closed for good and can no longer change.");
    for (Response answer : answers) {
      assertThat(answer.status()).isEqualTo(409);
      assertThat(problem(answer)).isEqualTo(first);
    }
    assertThat(api.get("/api/tickets/" + number).status()).isEqualTo(200);
  }

  /** The ProblemDetail without {@code instance}, the request path. */
  private static JsonNode problem(Response response) {
    ObjectNode problem = ((ObjectNode) response.body()).deepCopy();
    problem.remove("instance");
    return problem;
  }

  @Test
  void shouldHideClosedTicketsByDefaultAndPageThroughTheRest() {
    String marker = "zebra" + UUID.randomUUID().toString().substring(0, 6);
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      numbers.add(createTicket(marker + " ticket " + i, "NORMAL"));
    }
    patch(numbers.get(2), Map.of("status", "CLOSED", "comment", "done"));

    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          api.get(
              "/api/tickets?limit=2&text=" + marker + (cursor == null ? "" : "&cursor=" + cursor));
      page.body().get("items").forEach(item -> seen.add(item.get("number").asLong()));
      cursor =
          page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asString();
    } while (cursor != null);

    assertThat(seen)
        .containsExactly(numbers.get(0), numbers.get(1), numbers.get(3), numbers.get(4));
    JsonNode withDone = api.get("/api/tickets?includeDone=true&text=" + marker).body().get("items");
    assertThat(withDone).hasSize(5);
    JsonNode closedOnly = api.get("/api/tickets?status=CLOSED&text=" + marker).body().get("items");
    assertThat(closedOnly).hasSize(1);
    assertThat(closedOnly.get(0).get("resolution").asString()).isEqualTo("SOLVED");
  }

  @Test
  void shouldPublishOpenApiDocument() {
    Response docs = api.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().get("paths").has("/api/tickets/{number}")).isTrue();
    assertThat(api.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void shouldShowSlaRemainingTimesAndPauseThemWhilePending() {
    long number = createTicket("SLA clock", "HIGH");

    JsonNode sla = api.get("/api/tickets/" + number).body().get("sla");
    assertThat(sla.get("remainingToAssignSeconds").asLong()).isBetween(3_500L, 3_600L);
    assertThat(sla.get("remainingToResolveSeconds").asLong()).isBetween(28_700L, 28_800L);
    assertThat(sla.get("resolutionEta").isNull()).isFalse();
    assertThat(sla.get("resolveBreached").asBoolean()).isFalse();

    patch(
        number,
        Map.of(
            "status",
            "PENDING",
            "pendingReason",
            "CUSTOMER",
            "pendingFor",
            "PT2H",
            "comment",
            "ask"));
    JsonNode paused = api.get("/api/tickets/" + number).body().get("sla");

    assertThat(paused.get("resolutionEta").isNull()).as("a paused clock has no ETA").isTrue();
    assertThat(paused.get("remainingSuspendedSeconds").asLong()).isBetween(7_100L, 7_200L);
    assertThat(paused.get("remainingToResolveSeconds").asLong()).isBetween(28_600L, 28_800L);
  }
}
