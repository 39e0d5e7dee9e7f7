package dev.tempodesk.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TicketRepository;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
 * Saved views through the API: who sees and changes which, validation, and the live counts. The
 * counted tickets are written straight into the tickets table (the list's read model), so that
 * their age ("not changed for two days") can be set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SavedViewApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String PATH = "/api/views";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired TicketRepository tickets;
  @Autowired ContactRepository contacts;
  @Autowired DSLContext dsl;

  private TestAccounts accounts;
  private AgentsRecord alice;
  private HttpApi asAlice;
  private HttpApi asBob;
  private HttpApi asManager;
  private HttpApi asAdmin;
  private ContactsRecord reporter;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    alice = accounts.agent("AGENT");
    asAlice = TestAccounts.signIn(port, alice.getEmail());
    asBob = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
    asManager = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    asAdmin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    reporter = contacts.findOrCreate("views-" + UUID.randomUUID() + "@example.com", "Carla", null);
  }

  @Test
  void shouldSeedThreeSharedViewsAndCountTheirTicketsForEachViewer() {
    ticket("OPEN", "NORMAL", alice, null, Duration.ZERO);
    ticket("OPEN", "HIGH", alice, null, Duration.ZERO);
    ticket("CLOSED", "HIGH", alice, null, Duration.ZERO);
    ticket("NEW", "URGENT", null, null, Duration.ZERO);
    ticket("NEW", "URGENT", null, null, Duration.ZERO);
    ticket("NEW", "NORMAL", null, null, Duration.ZERO);
    ticket("PENDING", "NORMAL", null, "CUSTOMER", Duration.ofDays(3));
    ticket("PENDING", "NORMAL", alice, "CUSTOMER", Duration.ofDays(2).plusMinutes(1));
    ticket("PENDING", "NORMAL", null, "CUSTOMER", Duration.ofDays(1));
    ticket("PENDING", "NORMAL", null, "THIRD_PARTY", Duration.ofDays(3));

    List<JsonNode> forAlice = views(asAlice);
    assertThat(forAlice.subList(0, 3))
        .extracting(view -> view.get("name").asString())
        .containsExactly("My open", "Unassigned urgent", "Waiting on customer > 2 days");
    assertThat(forAlice.subList(0, 3)).allMatch(view -> view.get("shared").asBoolean());
    assertThat(forAlice.subList(0, 3)).noneMatch(view -> view.get("editable").asBoolean());
    assertThat(forAlice.subList(0, 3))
        .extracting(view -> view.get("count").asInt())
        .containsExactly(3, 2, 2);
    assertThat(views(asBob).getFirst().get("count").asInt())
        .as("'My open' counts the viewer's own tickets")
        .isZero();
    assertThat(views(asManager).subList(0, 3)).allMatch(view -> view.get("editable").asBoolean());

    JsonNode waiting = forAlice.get(2).get("params");
    assertThat(waiting.get("status").get(0).asString()).isEqualTo("PENDING");
    assertThat(waiting.get("pendingReason").get(0).asString()).isEqualTo("CUSTOMER");
    assertThat(Duration.parse(waiting.get("idleFor").asString())).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void shouldKeepAPersonalViewInvisibleToOthers() {
    Response created =
        asAlice.post(PATH, "{\"name\": \"  My VPN queue \", \"params\": {\"text\": \"vpn\"}}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("name").asString()).isEqualTo("My VPN queue");
    assertThat(created.body().get("shared").asBoolean()).isFalse();
    assertThat(created.body().get("editable").asBoolean()).isTrue();

    assertThat(views(asAlice)).extracting(view -> view.get("id").asLong()).contains(id);
    assertThat(views(asBob)).extracting(view -> view.get("id").asLong()).doesNotContain(id);
    assertThat(views(asAdmin)).extracting(view -> view.get("id").asLong()).doesNotContain(id);
    assertThat(asBob.get(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(asBob.put(PATH + "/" + id, "{\"name\": \"Mine now\", \"params\": {}}").status())
        .isEqualTo(404);
    assertThat(asBob.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(404);

    Response renamed =
        asAlice.put(PATH + "/" + id, "{\"name\": \"VPN\", \"params\": {\"text\": \"tunnel\"}}");
    assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
    assertThat(asAlice.get(PATH + "/" + id).body().get("params").get("text").asString())
        .isEqualTo("tunnel");
    assertThat(asAlice.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(204);
    assertThat(asAlice.get(PATH + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void shouldLetOnlyManagersAndAdminsShareAndChangeSharedViews() {
    Response refused =
        asAlice.post(PATH, "{\"name\": \"Everyone's\", \"params\": {}, \"shared\": true}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.problemField()).isEqualTo("shared");

    Response shared =
        asManager.post(
            PATH, "{\"name\": \"High\", \"params\": {\"priority\": [\"HIGH\"]}, \"shared\": true}");
    assertThat(shared.status()).as(shared.body().toString()).isEqualTo(201);
    long id = shared.body().get("id").asLong();

    JsonNode seenByAlice = asAlice.get(PATH + "/" + id).body();
    assertThat(seenByAlice.get("shared").asBoolean()).isTrue();
    assertThat(seenByAlice.get("editable").asBoolean()).isFalse();
    assertThat(asAlice.put(PATH + "/" + id, "{\"name\": \"Mine\", \"params\": {}}").status())
        .isEqualTo(403);
    assertThat(asAlice.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(403);

    Response renamed =
        asAdmin.put(PATH + "/" + id, "{\"name\": \"High first\", \"params\": {}, \"position\": 9}");
    assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
    assertThat(views(asBob).getLast().get("name").asString()).isEqualTo("High first");
    assertThat(asManager.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(204);
    assertThat(views(asBob)).extracting(view -> view.get("id").asLong()).doesNotContain(id);
  }

  @Test
  void shouldRefuseABadViewNamingTheField() {
    assertRefused(asAlice.post(PATH, "{\"name\": \" \", \"params\": {}}"), 422, "name");
    assertRefused(
        asAlice.post(PATH, "{\"name\": \"" + "n".repeat(81) + "\", \"params\": {}}"), 422, "name");
    assertRefused(asAlice.post(PATH, "{\"name\": \"No filter\"}"), 422, "params");
    assertRefused(
        asAlice.post(
            PATH, "{\"name\": \"Long\", \"params\": {\"text\": \"" + "x".repeat(201) + "\"}}"),
        400,
        "params.text");
    assertRefused(
        asAlice.post(PATH, "{\"name\": \"Future\", \"params\": {\"idleFor\": \"-P1D\"}}"),
        422,
        "params.idleFor");
    assertRefused(
        asAlice.post(PATH, "{\"name\": \"Odd\", \"params\": {\"status\": [\"SLEEPING\"]}}"),
        400,
        "params.status[0]");
    assertRefused(
        asAlice.post(PATH, "{\"name\": \"Odd\", \"params\": {\"colour\": \"red\"}}"),
        400,
        "params.colour");
    assertRefused(
        asAlice.post(PATH, "{\"name\": \"Odd\", \"params\": {}, \"position\": -1}"),
        422,
        "position");
  }

  @Test
  void shouldCapTheCountAtOneThousand() {
    AgentsRecord busy = accounts.agent("AGENT");
    List<TicketsRecord> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(row("OPEN", "NORMAL", busy, null, Duration.ZERO));
    }
    dsl.batchInsert(many).execute();
    Response view =
        asAlice.post(
            PATH, "{\"name\": \"Busy\", \"params\": {\"assigneeId\": " + busy.getId() + "}}");
    assertThat(view.status()).as(view.body().toString()).isEqualTo(201);

    assertThat(view.body().get("count").asInt()).isEqualTo(1000);
    assertThat(view.body().get("countCapped").asBoolean()).isTrue();
  }

  private static void assertRefused(Response response, int status, String field) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.problemField()).as(response.body().toString()).isEqualTo(field);
  }

  private static List<JsonNode> views(HttpApi api) {
    Response list = api.get(PATH);
    assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
    return StreamSupport.stream(list.body().spliterator(), false).toList();
  }

  private void ticket(
      String status, String priority, AgentsRecord assignee, String reason, Duration idle) {
    tickets.insert(row(status, priority, assignee, reason, idle));
  }

  private TicketsRecord row(
      String status, String priority, AgentsRecord assignee, String reason, Duration idle) {
    OffsetDateTime updatedAt = OffsetDateTime.now().minus(idle);
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject("Counted " + status)
            .setStatus(status)
            .setPriority(priority)
            .setAssigneeId(assignee == null ? null : assignee.getId())
            .setAssignedAt(assignee == null ? null : updatedAt)
            .setReporterId(reporter.getId())
            .setChannel("PHONE")
            .setCreatedAt(updatedAt.minusDays(1))
            .setUpdatedAt(updatedAt)
            .setSlaSortKey(Long.MAX_VALUE)
            .setVersion(1L);
    if (reason != null) {
      row.setPendingReason(reason).setPendingUntil(updatedAt.plusDays(7));
    }
    if (status.equals("CLOSED")) {
      row.setResolution("SOLVED").setClosedAt(updatedAt);
    }
    return row;
  }
}
