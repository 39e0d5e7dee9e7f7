package dev.tempodesk.api.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.Eventually;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.bulk.BulkActionRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.bulk.BulkActionActivities;
import dev.tempodesk.workflows.bulk.BulkBatch;
import dev.tempodesk.workflows.bulk.BulkBatchOutcome;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
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
 * {@code POST /api/tickets/bulk} against real Postgres and the real workflows: each ticket changed
 * through its own workflow update, refusals reported per ticket with the reason, bad input refused
 * naming the field, and no change made twice by a retried activity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BulkActionApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String PATH = "/api/tickets/bulk";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired BulkActionRepository actions;
  @Autowired TicketRepository tickets;
  @Autowired BulkActionActivitiesImpl activities;

  private TestAccounts accounts;
  private AgentsRecord managerRecord;
  private HttpApi manager;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    managerRecord = accounts.agent("MANAGER");
    manager = TestAccounts.signIn(port, managerRecord.getEmail());
  }

  private long ticket(String subject) {
    Response created =
        manager.post(
            "/api/tickets",
            HttpApi.json(
                Map.of(
                    "subject",
                    subject,
                    "description",
                    "Jammed.",
                    "reporterEmail",
                    "caller-" + UUID.randomUUID() + "@example.com")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private JsonNode finished(Response started) {
    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    String location = started.header("Location");
    assertThat(location).isEqualTo(PATH + "/" + started.body().get("id").asLong());
    JsonNode[] progress = new JsonNode[1];
    Eventually.await(
        () -> {
          Response read = manager.get(location);
          assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
          progress[0] = read.body();
          return progress[0].get("done").asBoolean();
        });
    return progress[0];
  }

  private String status(long number) {
    return manager.get("/api/tickets/" + number).body().get("status").asString();
  }

  @Test
  void aBulkActionMovesEachTicketToTheGroupAndRefusesAnUnknownGroupUpFront() {
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    Response group =
        admin.post("/api/groups", HttpApi.json(Map.of("name", "Billing " + UUID.randomUUID())));
    assertThat(group.status()).as(group.body().toString()).isEqualTo(201);
    long groupId = group.body().get("id").asLong();
    long first = ticket("Invoice twice");
    long second = ticket("Refund missing");

    JsonNode done =
        finished(
            manager.post(
                PATH,
                HttpApi.json(
                    Map.of(
                        "numbers", List.of(first, second),
                        "changes", Map.of("groupId", groupId),
                        "comment", "billing questions"))));
    Response unknown =
        manager.post(
            PATH,
            HttpApi.json(
                Map.of(
                    "numbers", List.of(first),
                    "changes", Map.of("groupId", 987654321),
                    "comment", "nowhere")));

    assertThat(done.get("applied").asInt()).isEqualTo(2);
    for (long number : List.of(first, second)) {
      assertThat(manager.get("/api/tickets/" + number).body().get("groupId").asLong())
          .as("ticket #%d moved", number)
          .isEqualTo(groupId);
    }
    assertThat(unknown.status()).as(unknown.body().toString()).isEqualTo(422);
    assertThat(unknown.problemField()).isEqualTo("changes.groupId");
  }

  @Test
  void aBulkActionAppliesAMacroToEachTicketOnceWithItsReplyAndChange() {
    long first = ticket("Badge reader dead");
    long second = ticket("Badge reader blinking");
    Response macro =
        manager.post(
            "/api/macros",
            HttpApi.json(
                Map.of(
                    "name",
                    "Badge readers " + UUID.randomUUID(),
                    "shared",
                    true,
                    "replyText",
                    "We are replacing the readers on ticket #{{ticket.number}}.",
                    "priority",
                    "HIGH")));
    assertThat(macro.status()).as(macro.body().toString()).isEqualTo(201);
    long macroId = macro.body().get("id").asLong();

    JsonNode done =
        finished(
            manager.post(
                PATH,
                HttpApi.json(
                    Map.of(
                        "numbers",
                        List.of(first, second),
                        "macroId",
                        macroId,
                        "comment",
                        "Known fault of the batch"))));

    assertThat(done.get("applied").asInt()).as(done.toString()).isEqualTo(2);
    for (long number : List.of(first, second)) {
      assertThat(manager.get("/api/tickets/" + number).body().get("priority").asString())
          .isEqualTo("HIGH");
      List<String> replies =
          StreamSupport.stream(
                  manager.get("/api/tickets/" + number + "/messages").body().spliterator(), false)
              .filter(m -> m.get("direction").asString().equals("OUTBOUND"))
              .filter(m -> m.get("visibility").asString().equals("PUBLIC"))
              .map(m -> m.get("bodyText").asString())
              .toList();
      assertThat(replies)
          .as("one reply, rendered for its own ticket")
          .containsExactly("We are replacing the readers on ticket #" + number + ".");
    }

    // Another agent's personal macro, or none at all, is refused naming macroId.
    Response unknown =
        manager.post(
            PATH,
            HttpApi.json(Map.of("numbers", List.of(first), "macroId", 999_999, "comment", "Nope")));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.problemField()).isEqualTo("macroId");
  }

  @Test
  void aManagerBulkClosesThreeTicketsAndTheClosedOneIsRefusedWithItsReason() {
    long first = ticket("Printer jammed");
    long second = ticket("Scanner offline");
    long alreadyClosed = ticket("Toner empty");
    Response closed =
        manager.patch(
            "/api/tickets/" + alreadyClosed, "{\"status\": \"CLOSED\", \"comment\": \"Done\"}");
    assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);

    JsonNode done =
        finished(
            manager.post(
                PATH,
                HttpApi.json(
                    Map.of(
                        "numbers", List.of(first, second, alreadyClosed),
                        "changes", Map.of("status", "CLOSED"),
                        "comment", "Fixed by the firmware update"))));

    assertThat(done.get("total").asInt()).isEqualTo(3);
    assertThat(done.get("applied").asInt()).isEqualTo(2);
    assertThat(done.get("refused").asInt()).isEqualTo(1);
    assertThat(status(first)).isEqualTo("CLOSED");
    assertThat(status(second)).isEqualTo("CLOSED");
    List<JsonNode> results =
        StreamSupport.stream(done.get("results").spliterator(), false).toList();
    assertThat(results)
        .extracting(r -> r.get("number").asLong())
        .containsExactly(first, second, alreadyClosed);
    JsonNode refused = results.get(2);
    assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
    assertThat(refused.get("reason").asString())
        .isEqualTo(
            "Nothing to change: ticket #" + alreadyClosed + " already is as the action asks.");
    JsonNode events = manager.get("/api/tickets/" + first + "/events").body();
    assertThat(events.toString()).contains("Fixed by the firmware update");

    JsonNode onlyRefused =
        manager.get(PATH + "/" + done.get("id").asLong() + "?outcome=REFUSED").body();
    assertThat(onlyRefused.get("results")).hasSize(1);
  }

  @Test
  void anAgentsBulkAssignmentToSomeoneElseIsRefusedPerTicketNamingTheField() {
    AgentsRecord agent = accounts.agent("AGENT");
    AgentsRecord other = accounts.agent("AGENT");
    HttpApi asAgent = TestAccounts.signIn(port, agent.getEmail());
    long a = ticket("VPN down");
    long b = ticket("VPN slow");

    Response started =
        asAgent.post(
            PATH,
            HttpApi.json(
                Map.of(
                    "numbers", List.of(a, b),
                    "changes", Map.of("assigneeId", other.getId()),
                    "comment", "Yours now")));
    JsonNode done = finished(started);

    assertThat(done.get("refused").asInt()).isEqualTo(2);
    assertThat(done.get("results").get(0).get("field").asString()).isEqualTo("assigneeId");
    assertThat(done.get("results").get(0).get("reason").asString())
        .contains("Agents assign tickets only to themselves");
  }

  @Test
  void selectAllMatchingResolvesTheFilterToTicketsWhenTheActionStarts() {
    String word = "zebra" + UUID.randomUUID().toString().substring(0, 8);
    long a = ticket("Laptop " + word);
    long b = ticket("Docking station " + word);
    ticket("Unrelated monitor");

    JsonNode done =
        finished(
            manager.post(
                PATH,
                HttpApi.json(
                    Map.of(
                        "matching", matching(word),
                        "changes", Map.of("priority", "URGENT"),
                        "comment", "Escalated by the customer"))));

    assertThat(done.get("total").asInt()).isEqualTo(2);
    assertThat(done.get("applied").asInt()).isEqualTo(2);
    assertThat(manager.get("/api/tickets/" + a).body().get("priority").asString())
        .isEqualTo("URGENT");
    assertThat(manager.get("/api/tickets/" + b).body().get("priority").asString())
        .isEqualTo("URGENT");
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameAction() {
    long a = ticket("Mouse broken");
    String body =
        HttpApi.json(
            Map.of(
                "numbers", List.of(a),
                "changes", Map.of("priority", "LOW"),
                "comment", "Not urgent"));
    String key = UUID.randomUUID().toString();

    Response once = manager.post(PATH, body, "Idempotency-Key", key);
    Response twice = manager.post(PATH, body, "Idempotency-Key", key);

    assertThat(once.status()).isEqualTo(202);
    assertThat(twice.status()).isEqualTo(202);
    assertThat(twice.body().get("id").asLong()).isEqualTo(once.body().get("id").asLong());
    finished(once);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    long a = ticket("Keyboard");
    assertRefused(Map.of("numbers", List.of(a), "changes", Map.of("priority", "LOW")), "comment");
    assertRefused(
        Map.of("numbers", List.of(a), "changes", Map.of(), "comment", "Nothing"), "changes");
    assertRefused(
        Map.of(
            "numbers", List.of(a),
            "matching", matching("x"),
            "changes", Map.of("priority", "LOW"),
            "comment", "Both"),
        "numbers");
    assertRefused(
        Map.of(
            "numbers", List.of(a, 987_654_321L),
            "changes", Map.of("priority", "LOW"),
            "comment", "Unknown"),
        "numbers");
    List<Long> tooMany = new ArrayList<>(LongStream.rangeClosed(1, 10_001).boxed().toList());
    assertRefused(
        Map.of("numbers", tooMany, "changes", Map.of("priority", "LOW"), "comment", "Many"),
        "numbers");
    assertRefused(
        Map.of(
            "numbers", List.of(a),
            "changes", Map.of("assigneeId", 987_654_321L),
            "comment", "Nobody"),
        "changes.assigneeId");
    assertRefused(
        Map.of(
            "matching", matching("no-such-words-anywhere-" + UUID.randomUUID()),
            "changes", Map.of("priority", "LOW"),
            "comment", "None"),
        "matching");
    assertThat(manager.get(PATH + "/987654321").status()).isEqualTo(404);
  }

  /** A list filter as the web app sends it (TicketListParams' booleans are required). */
  private static Map<String, Object> matching(String text) {
    return Map.of("text", text, "unassigned", false, "mine", false, "includeDone", false);
  }

  private void assertRefused(Map<String, Object> body, String field) {
    Response refused = manager.post(PATH, HttpApi.json(body));
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
    assertThat(refused.problemField()).isEqualTo(field);
  }

  @Test
  void aRetriedActivityRecognizesTheChangeItsDeadPredecessorMadeAndDoesNotMakeItAgain() {
    long number = ticket("Projector flickers");
    long managerId = managerRecord.getId();
    long actionId =
        actions.insert(
            managerId,
            "Replaced the lamp",
            "{\"priority\": \"HIGH\"}",
            "{\"numbers\": 1}",
            null,
            List.of(number));
    long before = tickets.find(number).orElseThrow().getVersion();
    // The first attempt noted the version and its change went through, then it died.
    actions.attempting(actionId, number, before);
    assertThat(
            manager
                .patch(
                    "/api/tickets/" + number,
                    "{\"priority\": \"HIGH\", \"comment\": \"Replaced the lamp\"}")
                .status())
        .isEqualTo(200);
    long afterFirst = tickets.find(number).orElseThrow().getVersion();

    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(activities);
      BulkActionActivities retry =
          env.newActivityStub(
              BulkActionActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
      BulkBatchOutcome outcome = retry.applyBatch(new BulkBatch(actionId, List.of(number), false));

      assertThat(outcome.applied()).isEqualTo(1);
      assertThat(actions.ticket(actionId, number).orElseThrow().getOutcome())
          .isEqualTo(BulkActionRepository.APPLIED);
      assertThat(tickets.find(number).orElseThrow().getVersion())
          .as("changed once")
          .isEqualTo(afterFirst);
      // A second retry finds the outcome and skips the ticket.
      assertThat(retry.applyBatch(new BulkBatch(actionId, List.of(number), true)).applied())
          .isZero();
    } finally {
      env.close();
    }
  }
}
