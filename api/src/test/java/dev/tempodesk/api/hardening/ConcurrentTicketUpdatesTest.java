package dev.tempodesk.api.hardening;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
 * Many people change one ticket at the same moment, over HTTP: 100 changes from four managers and
 * 20 internal notes from as many agents, all released together. Every change is applied, one after
 * another, each on top of the one before (versions 2 to 101, every "from" the previous "to"); the
 * audit trail tells each change once, in version order, with who made it and why; every note is
 * kept once. With expectedVersion only one of the racers wins; the others get a 409 problem and
 * leave no trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentTicketUpdatesTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final int UPDATES = 100;
  private static final int MANAGERS = 4;
  private static final int NOTES = 20;
  private static final int RACERS = 20;
  private static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired AgentRepository agents;
  @Autowired ContactRepository contacts;
  @Autowired DSLContext dsl;

  /** One change as sent: who sent it, what it asks for. */
  private record Change(
      AgentsRecord author, HttpApi api, String comment, long assigneeId, String priority) {}

  /** One internal note as sent, racing the changes. */
  private record Note(AgentsRecord author, HttpApi api, String body) {}

  @Test
  void shouldApplyEveryConcurrentChangeInTurnWithACompleteAudit() throws Exception {
    TestAccounts accounts = TestAccounts.of(app);
    List<AgentsRecord> managers = new ArrayList<>();
    List<HttpApi> managerSessions = new ArrayList<>();
    for (int i = 0; i < MANAGERS; i++) {
      managers.add(accounts.agent("MANAGER"));
      managerSessions.add(TestAccounts.signIn(port, managers.getLast().getEmail()));
    }
    long number = createTicket(managerSessions.getFirst());
    // Each change hands the ticket to an agent of its own, so each is a real change and must raise
    // the version by exactly one; the priorities cycle, so some changes also move the priority.
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < UPDATES; i++) {
      AgentsRecord author = managers.get(i % MANAGERS);
      changes.add(
          new Change(
              author,
              managerSessions.get(i % MANAGERS),
              "change " + i + " by " + author.getDisplayName(),
              newAgent("assignee-" + i).getId(),
              PRIORITIES.get(i % PRIORITIES.size())));
    }
    List<Note> notes = new ArrayList<>();
    for (int i = 0; i < NOTES; i++) {
      AgentsRecord author = accounts.agent("AGENT");
      notes.add(
          new Note(
              author,
              TestAccounts.signIn(port, author.getEmail()),
              "note " + i + " by " + author.getDisplayName()));
    }
    List<Callable<Response>> requests = new ArrayList<>();
    changes.forEach(change -> requests.add(() -> patch(number, change, null)));
    notes.forEach(
        note ->
            requests.add(
                () ->
                    note.api()
                        .post(
                            "/api/tickets/" + number + "/notes",
                            json(Map.of("body", note.body())))));

    List<Response> responses = race(requests);

    assertThat(responses.subList(0, UPDATES))
        .allSatisfy(
            response ->
                assertThat(response.status()).as(response.body().toString()).isEqualTo(200));
    assertThat(responses.subList(UPDATES, responses.size()))
        .allSatisfy(
            response ->
                assertThat(response.status()).as(response.body().toString()).isEqualTo(201));
    List<JsonNode> events = auditTrail(number);
    List<JsonNode> updates = ofKind(events, "UPDATED");
    Map<String, Change> byComment = new HashMap<>();
    changes.forEach(change -> byComment.put(change.comment(), change));
    assertThat(updates)
        .extracting(event -> event.get("comment").asString())
        .as("each request's comment exactly once")
        .containsExactlyInAnyOrderElementsOf(byComment.keySet());
    assertThat(updates)
        .extracting(event -> event.get("ticketVersion").asLong())
        .as("versions strictly consecutive: no gap, no duplicate")
        .containsExactlyElementsOf(LongStream.rangeClosed(2, UPDATES + 1).boxed().toList());
    String assignee = null;
    String priority = "NORMAL";
    Instant previousTime = Instant.EPOCH;
    for (JsonNode event : updates) {
      Change change = byComment.get(event.get("comment").asString());
      assertThat(event.get("actorId").asLong()).isEqualTo(change.author().getId());
      assertThat(event.get("actorName").asString()).isEqualTo(change.author().getDisplayName());
      Map<String, JsonNode> fields = new HashMap<>();
      event.get("changes").forEach(field -> fields.put(field.get("field").asString(), field));
      // Applied on top of the change before it: each "from" is the previous "to".
      assertThat(text(fields.get("assignee").get("from"))).isEqualTo(assignee);
      assignee = text(fields.get("assignee").get("to"));
      assertThat(assignee).endsWith("(#" + change.assigneeId() + ")");
      if (fields.containsKey("priority")) {
        assertThat(fields.get("priority").get("from").asString()).isEqualTo(priority);
        priority = fields.get("priority").get("to").asString();
      }
      assertThat(priority).isEqualTo(change.priority());
      Instant occurredAt = Instant.parse(event.get("occurredAt").asString());
      assertThat(occurredAt).isAfterOrEqualTo(previousTime);
      previousTime = occurredAt;
    }
    assertThat(distinctUpdateVersionsInDatabase(number)).isEqualTo(UPDATES);
    assertThat(ofKind(events, "NOTE_ADDED"))
        .extracting(event -> event.get("actorId").asLong())
        .containsExactlyInAnyOrderElementsOf(
            notes.stream().map(note -> note.author().getId()).toList());
    assertThat(internalNoteBodies(managerSessions.getFirst(), number))
        .containsExactlyInAnyOrderElementsOf(notes.stream().map(Note::body).toList());

    JsonNode ticket = managerSessions.getFirst().get("/api/tickets/" + number).body();
    Change last = byComment.get(updates.getLast().get("comment").asString());
    assertThat(ticket.get("version").asLong()).isEqualTo(UPDATES + 1);
    assertThat(ticket.get("assigneeId").asLong()).isEqualTo(last.assigneeId());
    assertThat(ticket.get("priority").asString()).isEqualTo(last.priority());
    assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
  }

  @Test
  void shouldLetOneOfManyRacersWithTheSameExpectedVersionWinAndRefuseTheRestWhole()
      throws Exception {
    TestAccounts accounts = TestAccounts.of(app);
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      AgentsRecord author = accounts.agent("MANAGER");
      changes.add(
          new Change(
              author,
              TestAccounts.signIn(port, author.getEmail()),
              "racer " + i,
              newAgent("racer-" + i).getId(),
              "HIGH"));
    }
    long number = createTicket(changes.getFirst().api());
    long version =
        changes.getFirst().api().get("/api/tickets/" + number).body().get("version").asLong();

    List<Response> responses =
        race(
            changes.stream()
                .map(change -> (Callable<Response>) () -> patch(number, change, version))
                .toList());

    List<Integer> statuses = responses.stream().map(Response::status).toList();
    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 409).hasSize(RACERS - 1);
    Change winner = changes.get(statuses.indexOf(200));
    for (Response refused : responses) {
      if (refused.status() == 409) {
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.problemField()).isEqualTo("expectedVersion");
      }
    }
    List<JsonNode> updates = ofKind(auditTrail(number), "UPDATED");
    assertThat(updates).hasSize(1);
    assertThat(updates.getFirst().get("comment").asString()).isEqualTo(winner.comment());
    JsonNode ticket = winner.api().get("/api/tickets/" + number).body();
    assertThat(ticket.get("version").asLong()).isEqualTo(version + 1);
    assertThat(ticket.get("assigneeId").asLong()).isEqualTo(winner.assigneeId());
  }

  private AgentsRecord newAgent(String name) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return agents.insert(name + "-" + unique + "@example.com", name + " " + unique, "AGENT", 3);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }

  private long createTicket(HttpApi api) {
    var reporter =
        contacts.findOrCreate(
            "racer-" + UUID.randomUUID() + "@client.example", "Race Reporter", null);
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", "Everyone at once",
                    "description", "Many hands on one ticket.",
                    "reporterId", reporter.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private static Response patch(long number, Change change, Long expectedVersion) {
    Map<String, Object> body = new HashMap<>();
    body.put("comment", change.comment());
    body.put("assigneeId", change.assigneeId());
    body.put("priority", change.priority());
    if (expectedVersion != null) {
      body.put("expectedVersion", expectedVersion);
    }
    return change.api().patch("/api/tickets/" + number, json(body));
  }

  /** Sends every request at the same moment from its own thread; answers in request order. */
  private static List<Response> race(List<Callable<Response>> requests) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (Callable<Response> request : requests) {
        answers.add(
            threads.submit(
                () -> {
                  start.await();
                  return request.call();
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get(3, TimeUnit.MINUTES));
      }
      return responses;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The ticket's audit trail as the API lists it. */
  private List<JsonNode> auditTrail(long number) {
    List<JsonNode> events = new ArrayList<>();
    TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail())
        .get("/api/tickets/" + number + "/events")
        .body()
        .forEach(events::add);
    return events;
  }

  /** The events of one kind, in version order (then in the order the API lists them). */
  private static List<JsonNode> ofKind(List<JsonNode> events, String kind) {
    return events.stream()
        .filter(event -> event.get("kind").asString().equals(kind))
        .sorted(Comparator.comparingLong(event -> event.get("ticketVersion").asLong()))
        .toList();
  }

  private static List<String> internalNoteBodies(HttpApi api, long number) {
    List<String> bodies = new ArrayList<>();
    api.get("/api/tickets/" + number + "/messages")
        .body()
        .forEach(
            message -> {
              if (message.get("visibility").asString().equals("INTERNAL")) {
                bodies.add(message.get("bodyText").asString());
              }
            });
    return bodies;
  }

  private int distinctUpdateVersionsInDatabase(long number) {
    return dsl.fetchValue(
        DSL.select(DSL.countDistinct(TICKET_EVENTS.TICKET_VERSION))
            .from(TICKET_EVENTS)
            .where(TICKET_EVENTS.TICKET_NUMBER.eq(number), TICKET_EVENTS.KIND.eq("UPDATED")));
  }
}
