package dev.tempodesk.api.lifecycle;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.Eventually;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.assignment.AssignerInput;
import dev.tempodesk.workflows.assignment.AssignerWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The lifecycle views (issue 22): a ticket escalated by its SLA, suspended and resumed, told from
 * Temporal's history in plain words; paging across the runs of a continue-as-new chain (the
 * assigner's); who may read them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // Warning at 80 % (2.4 s), breach at 3 s: the SLA escalates while the test watches.
      "tempodesk.sla.urgent.to-assign=PT3S",
      "tempodesk.sla.urgent.to-resolve=PT1H",
      "tempodesk.temporal-ui-url=http://temporal-ui.example:8233/"
    })
@ActiveProfiles("test")
class LifecycleApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired WorkflowClient temporal;

  private HttpApi manager;
  private AgentsRecord managerAccount;
  private ContactsRecord carla;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    managerAccount = accounts.agent("MANAGER");
    manager = TestAccounts.signIn(port, managerAccount.getEmail());
    carla = accounts.customer(null);
  }

  @Test
  void shouldTellAnEscalatedSuspendedAndResumedTicketInPlainWords() {
    long number = urgentTicket();
    // The alarms fire by their timer, or at the start when a loaded machine starts the workflow
    // after the deadline: either way the escalation is written.
    awaitEntry(number, "Write to the database: SLA breach of time to assign");

    Response suspended =
        manager.patch(
            "/api/tickets/" + number,
            json(
                Map.of(
                    "status", "PENDING",
                    "pendingReason", "CUSTOMER",
                    "pendingFor", "PT2S",
                    "comment", "Waiting for the customer's logs")));
    assertThat(suspended.status()).as(suspended.body().toString()).isEqualTo(200);
    Eventually.await(
        () ->
            titles(number)
                .contains(
                    "Timer fired: end of the pending time, then the ticket goes back to work"));

    JsonNode page = lifecycle(number, "");
    List<String> titles = titles(page);
    // Newest first.
    assertThat(titles)
        .containsSubsequence(
            "Write to the database: pending time over, back to work"
                + " (status PENDING → NEW, pendingReason CUSTOMER → –, pendingUntil "
                + pendingUntil(page)
                + " → –)",
            "Timer fired: end of the pending time, then the ticket goes back to work",
            "Change by "
                + managerAccount.getDisplayName()
                + ": status NEW → PENDING, pendingReason – → CUSTOMER, pendingUntil – → "
                + pendingUntil(page),
            "Write to the database: SLA breach of time to assign",
            "Write to the database: SLA warning of time to assign",
            "Workflow started");
    assertThat(titles).contains("Send notifications: sla breached");
    // armed when the change's task ran, a little after pendingUntil was set
    assertThat(titles)
        .anyMatch(
            t ->
                t.matches(
                    "Timer set for (1\\.\\d|2) s: end of the pending time, then the ticket goes back"
                        + " to work"));
    JsonNode change = entry(page, "Change by ");
    assertThat(change.get("kind").asString()).isEqualTo("UPDATE_APPLIED");
    JsonNode write = entry(page, "Write to the database: change by");
    assertThat(write.get("kind").asString()).isEqualTo("ACTIVITY_COMPLETED");
    assertThat(write.get("detail").asString()).startsWith("Done after 1 attempt in ");
    assertThat(entry(page, "Timer fired: end of the pending time").get("kind").asString())
        .isEqualTo("TIMER_FIRED");
    List<Instant> times = new ArrayList<>();
    page.get("entries").forEach(e -> times.add(Instant.parse(e.get("at").asString())));
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    String runId = page.get("entries").get(0).get("runId").asString();
    assertThat(page.get("temporalUiUrl").asString())
        .isEqualTo(
            "http://temporal-ui.example:8233/namespaces/default/workflows/ticket-%d/%s/history"
                .formatted(number, runId));
    assertThat(page.get("nextPageToken").isNull()).isTrue();
  }

  @Test
  void shouldPageNewestFirstAcrossTheRunsOfAContinueAsNewChain() {
    // The assigner continues as new after every second pass; a short safety net runs passes.
    WorkflowStub.fromTyped(startAssigner()).getExecution();
    Eventually.await(() -> runsOf(assignerPage(null, 200)).size() >= 3);
    temporal.newUntypedWorkflowStub(AssignerWorkflow.WORKFLOW_ID).terminate("test over");

    JsonNode all = assignerPage(null, 200);
    List<String> everything = keys(all);
    assertThat(titles(all))
        .contains(
            "Continued as new: the history was long, a fresh run carries the state on",
            "Run continued from the previous run",
            "Timer set for 200 ms: safety net: a pass even if nobody wakes the assigner",
            "Assignment pass: give waiting tickets to available agents",
            "Workflow terminated");
    assertThat(runsOf(all)).hasSizeGreaterThanOrEqualTo(3);

    List<String> paged = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = assignerPage(token, 4);
      assertThat(page.get("entries").size()).isLessThanOrEqualTo(4);
      paged.addAll(keys(page));
      token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").asString();
      pages++;
    } while (token != null && pages < 100);
    assertThat(paged).as("pages of 4 read the same entries as one page").isEqualTo(everything);
    assertThat(pages).isGreaterThan(3);
  }

  @Test
  void shouldLetOnlyAdminsAndManagersReadLifecycles() {
    long number = urgentTicket();
    HttpApi agent = TestAccounts.signIn(port, TestAccounts.of(app).agent("AGENT").getEmail());
    HttpApi admin = TestAccounts.signIn(port, TestAccounts.of(app).agent("ADMIN").getEmail());

    assertThat(agent.get("/api/tickets/" + number + "/lifecycle").status()).isEqualTo(403);
    assertThat(agent.get("/api/assignment/lifecycle").status()).isEqualTo(403);
    assertThat(agent.get("/api/mailboxes/1/lifecycle").status()).isEqualTo(403);
    assertThat(admin.get("/api/tickets/" + number + "/lifecycle").status()).isEqualTo(200);
    assertThat(manager.get("/api/tickets/999999999/lifecycle").status()).isEqualTo(404);
    assertThat(manager.get("/api/mailboxes/999999999/lifecycle").status()).isEqualTo(404);
    Response badToken = manager.get("/api/tickets/" + number + "/lifecycle?pageToken=nonsense");
    assertThat(badToken.status()).isEqualTo(422);
    assertThat(badToken.problemField()).isEqualTo("pageToken");
    assertThat(manager.get("/api/tickets/" + number + "/lifecycle?size=0").status()).isEqualTo(400);
  }

  private long urgentTicket() {
    Response created =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Server room flooded " + UUID.randomUUID(),
                    "description",
                    "Water everywhere.",
                    "priority",
                    "URGENT",
                    "reporterId",
                    carla.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private AssignerWorkflow startAssigner() {
    AssignerWorkflow assigner =
        temporal.newWorkflowStub(
            AssignerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue("tempodesk")
                .setWorkflowId(AssignerWorkflow.WORKFLOW_ID)
                .build());
    WorkflowClient.start(
        assigner::run, new AssignerInput(Duration.ofMillis(200), Duration.ofSeconds(1), 2, null));
    return assigner;
  }

  private JsonNode lifecycle(long number, String query) {
    Response response = manager.get("/api/tickets/" + number + "/lifecycle" + query);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.body();
  }

  private JsonNode assignerPage(String token, int size) {
    Response response =
        manager.get(
            "/api/assignment/lifecycle?size="
                + size
                + (token == null ? "" : "&pageToken=" + token));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.body();
  }

  /** Waits for the entry; fails with the entries there are. */
  private void awaitEntry(long number, String title) {
    try {
      Eventually.await(() -> titles(number).contains(title));
    } catch (AssertionError notThere) {
      assertThat(titles(number)).contains(title);
    }
  }

  private List<String> titles(long number) {
    return titles(lifecycle(number, "?size=200"));
  }

  private static List<String> titles(JsonNode page) {
    List<String> titles = new ArrayList<>();
    page.get("entries").forEach(entry -> titles.add(entry.get("title").asString()));
    return titles;
  }

  private static List<String> keys(JsonNode page) {
    List<String> keys = new ArrayList<>();
    page.get("entries")
        .forEach(e -> keys.add(e.get("runId").asString() + "/" + e.get("eventId").asLong()));
    return keys;
  }

  private static Set<String> runsOf(JsonNode page) {
    Set<String> runs = new HashSet<>();
    page.get("entries").forEach(e -> runs.add(e.get("runId").asString()));
    return runs;
  }

  private static JsonNode entry(JsonNode page, String titleStart) {
    for (JsonNode entry : page.get("entries")) {
      if (entry.get("title").asString().startsWith(titleStart)) {
        return entry;
      }
    }
    throw new AssertionError("no entry starting with " + titleStart);
  }

  /** The pending-until instant as the audit trail writes it, read from the change entry. */
  private static String pendingUntil(JsonNode page) {
    String title = entry(page, "Change by ").get("title").asString();
    return title.substring(title.lastIndexOf("→ ") + 2);
  }
}
