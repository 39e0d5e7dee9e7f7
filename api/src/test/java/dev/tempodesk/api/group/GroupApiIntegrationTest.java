package dev.tempodesk.api.group;

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
 * Groups over HTTP on a real Postgres and the ticket workflow: admins write them, every staff
 * member reads them, refusals name the field; tickets move between groups as ordinary audited
 * updates, by managers, admins and the managers of the ticket's group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GroupApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired ContactRepository contacts;

  private AgentsRecord agentRow;
  private AgentsRecord otherRow;
  private HttpApi admin;
  private HttpApi manager;
  private HttpApi agent;
  private HttpApi otherAgent;
  private String unique;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    manager = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    agentRow = accounts.agent("AGENT");
    otherRow = accounts.agent("AGENT");
    agent = TestAccounts.signIn(port, agentRow.getEmail());
    otherAgent = TestAccounts.signIn(port, otherRow.getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
  }

  private Response create(Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(fields);
    body.putIfAbsent("name", "Group " + UUID.randomUUID());
    return admin.post("/api/groups", json(body));
  }

  private long group(String name, Object... members) {
    Response created = create(Map.of("name", name, "members", List.of(members)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static Map<String, Object> member(AgentsRecord agent, boolean manager) {
    return Map.of("agentId", agent.getId(), "manager", manager);
  }

  private long ticketAssignedTo(AgentsRecord assignee) {
    ContactsRecord customer =
        contacts.findOrCreate("c-" + unique + "@client.example", "Dana", null);
    Response created =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Invoice twice " + unique,
                    "description",
                    "Charged twice.",
                    "reporterId",
                    customer.getId(),
                    "assigneeId",
                    assignee.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private static Response move(HttpApi as, long number, long groupId) {
    return as.patch(
        "/api/tickets/" + number, json(Map.of("comment", "their queue", "groupId", groupId)));
  }

  @Test
  void shouldCreateReadChangeAndDeleteAGroupWithMembersManagersAndADefaultPolicy() {
    long policy = admin.get("/api/sla-policies").body().get(0).get("id").asLong();
    Response created =
        create(
            Map.of(
                "name",
                "  Billing " + unique + " ",
                "description",
                "Invoices",
                "members",
                List.of(member(agentRow, false), member(otherRow, true)),
                "defaultSlaPolicyId",
                policy,
                "skillWaitSeconds",
                120));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().get("id").asLong();

    JsonNode read = agent.get("/api/groups/" + id).body();
    assertThat(read.get("name").asString()).isEqualTo("Billing " + unique);
    assertThat(read.get("defaultSlaPolicyId").asLong()).isEqualTo(policy);
    assertThat(read.get("defaultSlaPolicyName").asString()).isNotBlank();
    assertThat(read.get("skillWaitSeconds").asInt()).isEqualTo(120);
    assertThat(read.get("openTickets").asInt()).isZero();
    assertThat(read.get("members").get(0).get("agentId").asLong())
        .as("managers first")
        .isEqualTo(otherRow.getId());
    assertThat(read.get("members").get(0).get("name").asString())
        .isEqualTo(otherRow.getDisplayName());
    assertThat(read.get("members").get(0).get("manager").asBoolean()).isTrue();

    Response changed =
        admin.patch(
            "/api/groups/" + id,
            "{\"defaultSlaPolicyId\": null, \"members\": [{\"agentId\": "
                + agentRow.getId()
                + "}]}");
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(changed.body().get("defaultSlaPolicyId").isNull()).isTrue();
    assertThat(changed.body().get("description").asString())
        .as("absent: kept")
        .isEqualTo("Invoices");
    assertThat(changed.body().get("members")).hasSize(1);

    List<Long> mine = ids(agent.get("/api/groups?mine=true").body());
    assertThat(mine).contains(id);
    assertThat(ids(otherAgent.get("/api/groups?mine=true").body())).doesNotContain(id);
    assertThat(ids(agent.get("/api/groups").body())).contains(id);

    assertThat(admin.send("DELETE", "/api/groups/" + id, "application/json", "").status())
        .isEqualTo(204);
    assertThat(admin.get("/api/groups/" + id).status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseBadGroupsNamingTheField() {
    group("Network " + unique);

    assertRefused(create(Map.of("name", "  ")), 422, "name");
    assertRefused(create(Map.of("name", "NETWORK " + unique.toUpperCase())), 409, "name");
    assertRefused(
        create(Map.of("members", List.of(Map.of("agentId", 987_654_321)))), 422, "members");
    assertRefused(create(Map.of("defaultSlaPolicyId", 987_654_321)), 422, "defaultSlaPolicyId");
    assertRefused(create(Map.of("skillWaitSeconds", -1)), 422, "skillWaitSeconds");
    assertThat(agent.post("/api/groups", json(Map.of("name", "Mine " + unique))).status())
        .isEqualTo(403);
    assertThat(manager.patch("/api/groups/1", json(Map.of("name", "Renamed"))).status())
        .isEqualTo(403);
  }

  @Test
  void shouldNeverDeleteTheDefaultGroupNorOneThatStillHasTickets() {
    JsonNode support = admin.get("/api/groups").body().get(0);
    assertThat(support.get("isDefault").asBoolean()).isTrue();
    assertRefused(
        admin.send("DELETE", "/api/groups/" + support.get("id").asLong(), "application/json", ""),
        409,
        "id");

    long billing = group("Billing " + unique, member(agentRow, false));
    long number = ticketAssignedTo(agentRow);
    assertThat(move(manager, number, billing).status()).isEqualTo(200);

    Response refused = admin.send("DELETE", "/api/groups/" + billing, "application/json", "");
    assertRefused(refused, 409, "tickets");
    assertThat(refused.body().get("detail").asString()).contains("1 ticket");
    assertThat(admin.get("/api/groups/" + billing).body().get("openTickets").asInt()).isEqualTo(1);
  }

  @Test
  void shouldMoveATicketAuditedWithItsCommentUnassigningAnAssigneeWhoIsNotAMember() {
    long network = group("Network " + unique, member(otherRow, false));
    long number = ticketAssignedTo(agentRow);

    Response moved = move(manager, number, network);

    assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
    JsonNode ticket = moved.body().get("ticket");
    assertThat(ticket.get("groupId").asLong()).isEqualTo(network);
    assertThat(ticket.get("groupName").asString()).isEqualTo("Network " + unique);
    assertThat(ticket.get("assigneeId").isNull()).isTrue();
    assertThat(ticket.get("status").asString()).isEqualTo("NEW");
    assertThat(moved.body().get("autoFixes").toString())
        .contains(
            "Unassigned " + agentRow.getDisplayName() + ": not a member of Network " + unique);
    JsonNode updated = lastEvent(number, "UPDATED");
    assertThat(updated.get("comment").asString()).isEqualTo("their queue");
    assertThat(updated.get("changes").toString())
        .contains("\"field\":\"group\"")
        .contains("Network " + unique + " (#" + network + ")")
        .contains("\"field\":\"assignee\"");
    assertThat(manager.get("/api/tickets/" + number).body().get("groupName").asString())
        .isEqualTo("Network " + unique);

    Response named =
        manager.patch(
            "/api/tickets/" + number,
            json(
                Map.of(
                    "comment",
                    "back",
                    "groupId",
                    group("Other " + unique),
                    "assigneeId",
                    otherRow.getId())));
    assertRefused(named, 422, "assigneeId");
  }

  @Test
  void shouldLetOnlyManagersAdminsAndTheGroupsManagersMoveTickets() {
    long firstLine = group("First line " + unique, member(agentRow, true), member(otherRow, false));
    long billing = group("Billing " + unique, member(agentRow, false), member(otherRow, false));
    long number = ticketAssignedTo(agentRow);
    assertThat(move(admin, number, firstLine).status()).isEqualTo(200);

    assertRefused(move(otherAgent, number, billing), 403, "groupId");
    assertRefused(move(manager, number, 987_654_321), 422, "groupId");
    Response byGroupManager = move(agent, number, billing);
    assertThat(byGroupManager.status()).as(byGroupManager.body().toString()).isEqualTo(200);
    assertThat(byGroupManager.body().get("ticket").get("assigneeId").asLong())
        .as("a member of the new group keeps the ticket")
        .isEqualTo(agentRow.getId());
    assertRefused(move(agent, number, firstLine), 403, "groupId");

    assertThat(numbers(manager.get("/api/tickets?groupId=" + billing).body()))
        .containsExactly(number);
    assertThat(numbers(manager.get("/api/tickets?groupId=" + firstLine).body())).isEmpty();
    assertThat(
            numbers(
                manager.get("/api/tickets?groupId=" + firstLine + "&groupId=" + billing).body()))
        .containsExactly(number);
  }

  private JsonNode lastEvent(long number, String kind) {
    JsonNode all = manager.get("/api/tickets/" + number + "/events").body();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(e -> e.get("kind").asString().equals(kind))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static List<Long> ids(JsonNode groups) {
    return StreamSupport.stream(groups.spliterator(), false)
        .map(g -> g.get("id").asLong())
        .toList();
  }

  private static List<Long> numbers(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false)
        .map(t -> t.get("number").asLong())
        .toList();
  }

  private static void assertRefused(Response response, int status, String field) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.problemField()).isEqualTo(field);
  }
}
