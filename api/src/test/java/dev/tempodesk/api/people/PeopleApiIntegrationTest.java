package dev.tempodesk.api.people;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Agents, contacts, organizations and assets through the API, as admins and managers use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PeopleApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  /** Stands in for auto-assignment: records whom it was told about. */
  @TestConfiguration
  static class RecordingAssigner {
    static final List<Long> TOLD = new CopyOnWriteArrayList<>();

    @Bean
    AgentCapacityListener recordingListener() {
      return TOLD::add;
    }
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  private HttpApi admin;
  private HttpApi manager;
  private String unique;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    manager = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonNode createAgent(Map<String, Object> body) {
    Response created = admin.post("/api/agents", json(body));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body();
  }

  @Test
  void shouldCreateAnAgentWithDefaultsWhoCanThenSignIn() {
    String email = "Nina-" + unique + "@Example.com";
    JsonNode nina =
        createAgent(
            Map.of(
                "email", email, "displayName", "Nina", "role", "AGENT", "password", "s3cret-pass"));

    assertThat(nina.get("email").asString()).isEqualTo(email.toLowerCase());
    assertThat(nina.get("capacity").asInt()).isEqualTo(1);
    assertThat(nina.get("available").asBoolean()).isTrue();
    assertThat(nina.get("active").asBoolean()).isTrue();
    assertThat(nina.get("canSignIn").asBoolean()).isTrue();
    assertThat(nina.has("passwordHash")).isFalse();
    Response login = HttpApi.anonymous(port).login(email, "s3cret-pass");
    assertThat(login.body().get("role").asString()).isEqualTo("AGENT");
    assertThat(manager.get("/api/agents/" + nina.get("id").asLong()).status()).isEqualTo(200);
    assertThat(RecordingAssigner.TOLD).contains(nina.get("id").asLong());
  }

  @Test
  void shouldRefuseADuplicateEmailACustomerRoleAndAShortPasswordNamingTheField() {
    String email = "dup-" + unique + "@example.com";
    createAgent(Map.of("email", email, "displayName", "Dup", "role", "AGENT"));

    Response duplicate =
        admin.post(
            "/api/agents", json(Map.of("email", email, "displayName", "Dup", "role", "AGENT")));
    Response customer =
        admin.post(
            "/api/agents",
            json(Map.of("email", "c-" + email, "displayName", "C", "role", "CUSTOMER")));
    Response shortPassword =
        admin.post(
            "/api/agents",
            json(
                Map.of(
                    "email",
                    "p-" + email,
                    "displayName",
                    "P",
                    "role",
                    "AGENT",
                    "password",
                    "1234")));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.problemField()).isEqualTo("email");
    assertThat(customer.status()).isEqualTo(422);
    assertThat(customer.problemField()).isEqualTo("role");
    assertThat(shortPassword.status()).isEqualTo(422);
    assertThat(shortPassword.problemField()).isEqualTo("password");
  }

  @Test
  void shouldGiveAnAddressToOnePersonAcrossAgentsAndContacts() {
    String agentsAddress = "staff-" + unique + "@example.com";
    String contactsAddress = "client-" + unique + "@example.com";
    long agentId =
        createAgent(Map.of("email", agentsAddress, "displayName", "Sam", "role", "AGENT"))
            .get("id")
            .asLong();
    Response contact =
        manager.post(
            "/api/contacts", json(Map.of("email", contactsAddress, "displayName", "Cleo")));
    assertThat(contact.status()).as(contact.body().toString()).isEqualTo(201);
    long contactId = contact.body().get("id").asLong();

    List<Response> refused =
        List.of(
            admin.post(
                "/api/agents",
                json(
                    Map.of(
                        "email",
                        contactsAddress.toUpperCase(),
                        "displayName",
                        "X",
                        "role",
                        "AGENT"))),
            admin.patch("/api/agents/" + agentId, json(Map.of("email", contactsAddress))),
            manager.post("/api/contacts", json(Map.of("email", agentsAddress, "displayName", "Y"))),
            manager.patch("/api/contacts/" + contactId, json(Map.of("email", agentsAddress))));
    Response ticketForAnAgent =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Printer",
                    "description",
                    "jammed",
                    "reporterEmail",
                    agentsAddress)));

    for (Response answer : refused) {
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.problemField()).isEqualTo("email");
    }
    assertThat(ticketForAnAgent.status()).isEqualTo(409);
    assertThat(ticketForAnAgent.problemField()).isEqualTo("reporterEmail");
    assertThat(manager.get("/api/agents/" + agentId).body().get("email").asString())
        .isEqualTo(agentsAddress);
    assertThat(manager.get("/api/contacts/" + contactId).body().get("email").asString())
        .isEqualTo(contactsAddress);
    assertThat(manager.get("/api/contacts?text=" + agentsAddress).body()).isEmpty();
  }

  @Test
  void shouldHandOpenTicketsOfADeactivatedAgentBackToTheQueueThroughTheirWorkflows() {
    long agentId =
        createAgent(
                Map.of(
                    "email",
                    "leaving-" + unique + "@example.com",
                    "displayName",
                    "Leaving " + unique,
                    "role",
                    "AGENT",
                    "capacity",
                    5))
            .get("id")
            .asLong();
    long open = ticket(agentId);
    long pending = ticket(agentId);
    long closed = ticket(agentId);
    change(
        pending,
        Map.of(
            "status", "PENDING", "pendingReason", "CUSTOMER", "pendingFor", "P1D", "comment", "?"));
    change(closed, Map.of("status", "CLOSED", "comment", "done"));
    RecordingAssigner.TOLD.clear();

    Response deactivated = admin.patch("/api/agents/" + agentId, json(Map.of("active", false)));

    assertThat(deactivated.status()).as(deactivated.body().toString()).isEqualTo(200);
    assertThat(deactivated.body().get("active").asBoolean()).isFalse();
    for (long number : new long[] {open, pending}) {
      JsonNode ticket = manager.get("/api/tickets/" + number).body();
      assertThat(ticket.get("status").asString()).isEqualTo("NEW");
      assertThat(ticket.get("assigneeId").isNull()).isTrue();
      JsonNode last = lastEvent(number);
      assertThat(last.get("actorKind").asString()).isEqualTo("SYSTEM");
      assertThat(last.get("comment").asString())
          .contains("Leaving " + unique)
          .contains("deactivated")
          .contains("assignment queue");
    }
    assertThat(manager.get("/api/tickets/" + closed).body().get("assigneeId").asLong())
        .as("a closed ticket keeps who solved it")
        .isEqualTo(agentId);
    assertThat(RecordingAssigner.TOLD).containsExactly(agentId);
    Response assignAgain =
        manager.patch(
            "/api/tickets/" + open, json(Map.of("assigneeId", agentId, "comment", "back?")));
    assertThat(assignAgain.status()).isEqualTo(422);
    assertThat(assignAgain.problemField()).isEqualTo("assigneeId");
  }

  @Test
  void shouldTellAutoAssignmentWhenCapacityOrAvailabilityChangesButNotForANameChange() {
    long agentId =
        createAgent(
                Map.of(
                    "email",
                    "cap-" + unique + "@example.com",
                    "displayName",
                    "Cap",
                    "role",
                    "AGENT"))
            .get("id")
            .asLong();
    RecordingAssigner.TOLD.clear();

    admin.patch("/api/agents/" + agentId, json(Map.of("displayName", "Cap Renamed")));
    assertThat(RecordingAssigner.TOLD).isEmpty();
    Response raised = admin.patch("/api/agents/" + agentId, json(Map.of("capacity", 3)));
    admin.patch("/api/agents/" + agentId, json(Map.of("available", false)));

    assertThat(raised.body().get("capacity").asInt()).isEqualTo(3);
    assertThat(RecordingAssigner.TOLD).containsExactly(agentId, agentId);
  }

  @Test
  void shouldNormalizeAgentsSkillsLikeTagsRefuseBadOnesAndTellAutoAssignment() {
    JsonNode vera =
        createAgent(
            Map.of(
                "email",
                "vera-" + unique + "@example.com",
                "displayName",
                "Vera",
                "role",
                "AGENT",
                "skills",
                List.of(" VPN  Access", "billing", "vpn access")));
    long id = vera.get("id").asLong();
    assertThat(vera.get("skills").valueStream().map(JsonNode::asString))
        .containsExactly("billing", "vpn-access");
    RecordingAssigner.TOLD.clear();

    Response changed =
        admin.patch("/api/agents/" + id, json(Map.of("skills", List.of("Firewall", "billing"))));
    Response untouched = admin.patch("/api/agents/" + id, json(Map.of("capacity", 2)));
    Response comma = admin.patch("/api/agents/" + id, json(Map.of("skills", List.of("a,b"))));
    Response blank = admin.patch("/api/agents/" + id, json(Map.of("skills", List.of("  "))));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().get("skills").valueStream().map(JsonNode::asString))
        .containsExactly("billing", "firewall");
    assertThat(untouched.body().get("skills").valueStream().map(JsonNode::asString))
        .as("absent: unchanged")
        .containsExactly("billing", "firewall");
    assertThat(RecordingAssigner.TOLD).as("a new skill may free a held ticket").contains(id);
    assertThat(comma.status()).isEqualTo(422);
    assertThat(comma.problemField()).isEqualTo("skills");
    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.problemField()).isEqualTo("skills");
    assertThat(manager.get("/api/agents/" + id).body().get("skills").size()).isEqualTo(2);
    Response cleared = admin.patch("/api/agents/" + id, json(Map.of("skills", List.of())));
    assertThat(cleared.body().get("skills").size()).isZero();
  }

  @Test
  void shouldManageContactsAndOpenThePortalToOneWithAPassword() {
    long organization = organization();
    Response created =
        manager.post(
            "/api/contacts",
            json(
                Map.of(
                    "email",
                    "Olga-" + unique + "@Example.com",
                    "displayName",
                    "Olga",
                    "organizationId",
                    organization)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    String email = "olga-" + unique + "@example.com";
    assertThat(created.body().get("portalAccess").asBoolean()).isFalse();

    Response renamed =
        manager.patch("/api/contacts/" + id, json(Map.of("displayName", "Olga Ops")));
    Response found = manager.get("/api/contacts?text=olga-" + unique);
    Response withoutPassword =
        admin.put("/api/contacts/" + id + "/portal-access", json(Map.of("enabled", true)));
    Response opened =
        admin.put(
            "/api/contacts/" + id + "/portal-access",
            json(Map.of("enabled", true, "password", "portal-pass-1")));

    assertThat(renamed.body().get("displayName").asString()).isEqualTo("Olga Ops");
    assertThat(found.body()).hasSize(1);
    assertThat(found.body().get(0).get("organizationId").asLong()).isEqualTo(organization);
    assertThat(withoutPassword.status()).isEqualTo(422);
    assertThat(withoutPassword.problemField()).isEqualTo("password");
    assertThat(opened.body().get("canSignIn").asBoolean()).isTrue();
    assertThat(HttpApi.anonymous(port).login(email, "portal-pass-1").body().get("role").asString())
        .isEqualTo("CUSTOMER");

    admin.put("/api/contacts/" + id + "/portal-access", json(Map.of("enabled", false)));

    assertThat(HttpApi.anonymous(port).login(email, "portal-pass-1").status()).isEqualTo(401);
  }

  @Test
  void shouldKeepAssetsPerOrganizationAndLetATicketNameOne() {
    long acme = organization();
    long other = organization();
    Response asset =
        manager.post(
            "/api/organizations/" + acme + "/assets",
            json(Map.of("name", "Core switch", "kind", "NETWORK", "description", "rack 3")));
    assertThat(asset.status()).as(asset.body().toString()).isEqualTo(201);
    long assetId = asset.body().get("id").asLong();

    Response assets = manager.get("/api/organizations/" + acme + "/assets");
    Response ticket =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Switch down",
                    "description",
                    "d",
                    "reporterEmail",
                    "r-" + unique + "@example.com",
                    "assetId",
                    assetId)));
    Response mismatch =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "s",
                    "description",
                    "d",
                    "reporterEmail",
                    "r-" + unique + "@example.com",
                    "organizationId",
                    other,
                    "assetId",
                    assetId)));

    assertThat(assets.body()).hasSize(1);
    assertThat(assets.body().get(0).get("name").asString()).isEqualTo("Core switch");
    assertThat(ticket.status()).isEqualTo(201);
    assertThat(ticket.body().get("assetName").asString()).isEqualTo("Core switch");
    assertThat(ticket.body().get("organizationId").asLong()).isEqualTo(acme);
    assertThat(mismatch.status()).isEqualTo(422);
    assertThat(mismatch.problemField()).isEqualTo("assetId");
  }

  @Test
  void shouldFindEditAndDeleteAnOrganizationsAssetsNamingTheFieldOfABadChange() {
    long acme = organization();
    long other = organization();
    String name = manager.get("/api/organizations/" + acme).body().get("name").asString();
    long router = asset(acme, "Router");
    long firewall = asset(acme, "Firewall");
    long named = asset(acme, "Named by a ticket");
    ticketAbout(named, "r-" + unique + "@example.com");

    Response found = manager.get("/api/organizations?text=" + name.substring(4, 20).toUpperCase());
    Response edited =
        manager.patch(
            "/api/organizations/" + acme + "/assets/" + router,
            json(Map.of("name", "Core router", "description", "rack 4")));
    Response taken =
        manager.patch(
            "/api/organizations/" + acme + "/assets/" + router, json(Map.of("name", "Firewall")));
    Response blankKind =
        manager.patch(
            "/api/organizations/" + acme + "/assets/" + router, json(Map.of("kind", " ")));
    Response blankName = manager.patch("/api/organizations/" + acme, json(Map.of("name", "  ")));
    Response elsewhere =
        manager.send(
            "DELETE",
            "/api/organizations/" + other + "/assets/" + firewall,
            "application/json",
            "");
    Response deleted =
        manager.send(
            "DELETE", "/api/organizations/" + acme + "/assets/" + firewall, "application/json", "");
    Response inUse =
        manager.send(
            "DELETE", "/api/organizations/" + acme + "/assets/" + named, "application/json", "");

    assertThat(found.body()).hasSize(1);
    assertThat(found.body().get(0).get("id").asLong()).isEqualTo(acme);
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(edited.body().get("name").asString()).isEqualTo("Core router");
    assertThat(edited.body().get("kind").asString()).isEqualTo("NETWORK");
    assertThat(edited.body().get("description").asString()).isEqualTo("rack 4");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.problemField()).isEqualTo("name");
    assertThat(blankKind.status()).isEqualTo(422);
    assertThat(blankKind.problemField()).isEqualTo("kind");
    assertThat(blankName.status()).isEqualTo(422);
    assertThat(blankName.problemField()).isEqualTo("name");
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.problemField()).isEqualTo("assetId");
    assertThat(manager.get("/api/organizations/" + acme + "/assets").body())
        .extracting(asset -> asset.get("name").asString())
        .containsExactly("Core router", "Named by a ticket");
  }

  @Test
  void shouldShowAnOrganizationsTicketsAndTheCustomerContextOfATicket() {
    long acme = organization();
    long router = asset(acme, "Router");
    String carla = "carla-" + unique + "@example.com";
    String dan = "dan-" + unique + "@example.com";
    for (String email : List.of(carla, dan)) {
      Response contact =
          manager.post(
              "/api/contacts",
              json(Map.of("email", email, "displayName", email, "organizationId", acme)));
      assertThat(contact.status()).as(contact.body().toString()).isEqualTo(201);
    }
    long first = ticketAbout(router, carla);
    long second = ticketAbout(null, carla);
    long third = ticketAbout(router, dan);

    Response context = manager.get("/api/tickets/" + first + "/context");
    Response ofAcme = manager.get("/api/organizations/" + acme + "/tickets");
    Response noSuch = manager.get("/api/organizations/" + Long.MAX_VALUE + "/tickets");

    assertThat(context.status()).as(context.body().toString()).isEqualTo(200);
    assertThat(numbers(context.body().get("reporterTickets"))).containsExactly(second);
    assertThat(numbers(context.body().get("organizationTickets"))).containsExactly(third, second);
    assertThat(numbers(context.body().get("assetTickets"))).containsExactly(third);
    assertThat(numbers(ofAcme.body())).containsExactly(third, second, first);
    assertThat(noSuch.status()).isEqualTo(404);
  }

  private static List<Long> numbers(JsonNode tickets) {
    return tickets.valueStream().map(ticket -> ticket.get("number").asLong()).toList();
  }

  private long asset(long organization, String name) {
    Response created =
        manager.post(
            "/api/organizations/" + organization + "/assets",
            json(Map.of("name", name, "kind", "NETWORK")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private long ticketAbout(Long assetId, String reporterEmail) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("subject", "About " + assetId);
    body.put("description", "d");
    body.put("reporterEmail", reporterEmail);
    if (assetId != null) {
      body.put("assetId", assetId);
    }
    Response created = manager.post("/api/tickets", json(body));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private long organization() {
    Response created =
        manager.post(
            "/api/organizations",
            json(Map.of("name", "Org " + UUID.randomUUID(), "domain", "org.example")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private long ticket(long assigneeId) {
    Response created =
        manager.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Work for " + assigneeId,
                    "description",
                    "d",
                    "reporterEmail",
                    "queue-" + unique + "@example.com",
                    "assigneeId",
                    assigneeId)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private void change(long number, Map<String, Object> patch) {
    Response changed = manager.patch("/api/tickets/" + number, json(patch));
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
  }

  private JsonNode lastEvent(long number) {
    JsonNode events = manager.get("/api/tickets/" + number + "/events").body();
    return events.get(events.size() - 1);
  }
}
