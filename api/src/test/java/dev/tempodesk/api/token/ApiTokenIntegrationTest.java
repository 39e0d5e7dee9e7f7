package dev.tempodesk.api.token;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.API_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.Eventually;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ApiTokensRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * API tokens over HTTP, as an integration would use them: shown once, stored as a hash, limited by
 * scope and by the owner's role, refused when revoked, expired or the owner is deactivated, no CSRF
 * and no session, and changes audited as the owner "via token <name>".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiTokenIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired ContactRepository contacts;
  @Autowired DSLContext dsl;

  private TestAccounts accounts;
  private AgentsRecord admin;
  private HttpApi adminSession;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    admin = accounts.agent("ADMIN");
    adminSession = TestAccounts.signIn(port, admin.getEmail());
  }

  @Test
  void shouldListTicketsWithAReadTokenButRefuseItsChangeNamingTheScope() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi session = TestAccounts.signIn(port, agent.getEmail());
    long number = createTicket(session);
    HttpApi token = HttpApi.withToken(port, secret(create(session, "Reader", "tickets:read")));

    Response list = token.get("/api/tickets");
    Response patch = token.patch("/api/tickets/" + number, json(Map.of("priority", "HIGH")));

    assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
    assertThat(list.body().get("items").toString()).contains("\"number\":" + number);
    assertThat(list.raw().headers().allValues("Set-Cookie")).as("no session").isEmpty();
    assertThat(patch.status()).isEqualTo(403);
    assertThat(patch.problemType()).isEqualTo("urn:tempodesk:problem:forbidden");
    assertThat(patch.body().get("scope").asString()).isEqualTo("tickets:write");
    assertThat(patch.body().get("detail").asString()).contains("tickets:write");
    assertThat(session.get("/api/tickets/" + number).body().get("priority").asString())
        .isEqualTo("NORMAL");
  }

  @Test
  void shouldAuditAChangeMadeWithATokenAsItsOwnerViaTheToken() {
    AgentsRecord manager = accounts.agent("MANAGER");
    HttpApi session = TestAccounts.signIn(port, manager.getEmail());
    long number = createTicket(session);
    HttpApi token =
        HttpApi.withToken(port, secret(create(session, "CI bot", "tickets:read", "tickets:write")));

    Response patch =
        token.patch(
            "/api/tickets/" + number,
            json(Map.of("priority", "URGENT", "comment", "raised by the pipeline")));
    Response note =
        token.post("/api/tickets/" + number + "/notes", json(Map.of("body", "Build 42 failed")));

    assertThat(patch.status()).as(patch.body().toString()).isEqualTo(200);
    assertThat(note.status()).as("no CSRF token needed: " + note.body()).isEqualTo(201);
    JsonNode updated = lastOfKind(session.get("/api/tickets/" + number + "/events"), "UPDATED");
    assertThat(updated.get("actorId").asLong()).isEqualTo(manager.getId());
    assertThat(updated.get("actorName").asString())
        .isEqualTo(manager.getDisplayName() + " via token CI bot");
    assertThat(updated.get("comment").asString()).isEqualTo("raised by the pipeline");
  }

  @Test
  void shouldAuditABulkActionStartedWithATokenAsItsOwnerViaTheToken() {
    AgentsRecord manager = accounts.agent("MANAGER");
    HttpApi session = TestAccounts.signIn(port, manager.getEmail());
    long first = createTicket(session);
    long second = createTicket(session);
    Response macro =
        session.post(
            "/api/macros",
            json(
                Map.of(
                    "name",
                    "Escalate " + UUID.randomUUID(),
                    "addTags",
                    List.of("escalated"),
                    "note",
                    "Escalated by the pipeline.")));
    assertThat(macro.status()).as(macro.body().toString()).isEqualTo(201);
    HttpApi token =
        HttpApi.withToken(
            port, secret(create(session, "Nightly", "tickets:read", "tickets:write")));

    Response started =
        token.post(
            "/api/tickets/bulk",
            json(
                Map.of(
                    "numbers", List.of(first, second),
                    "changes", Map.of("priority", "URGENT"),
                    "macroId", macro.body().get("id").asLong(),
                    "comment", "nightly triage")));

    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    String location = "/api/tickets/bulk/" + started.body().get("id").asLong();
    Eventually.await(() -> session.get(location).body().get("done").asBoolean());
    assertThat(session.get(location).body().get("applied").asInt()).isEqualTo(2);
    for (long number : List.of(first, second)) {
      JsonNode events = session.get("/api/tickets/" + number + "/events").body();
      List<JsonNode> byBulk = new java.util.ArrayList<>();
      for (JsonNode event : events) {
        if (event.get("actorId").asLong() == manager.getId()
            && !event.get("kind").asString().equals("CREATED")) {
          byBulk.add(event);
        }
      }
      assertThat(byBulk)
          .as("the change and the macro's of #" + number)
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(byBulk)
          .allSatisfy(
              event ->
                  assertThat(event.get("actorName").asString())
                      .isEqualTo(manager.getDisplayName() + " via token Nightly"));
    }
  }

  @Test
  void shouldNeedCsrfWithTheSessionCookieButNotWithABearerToken() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi session = TestAccounts.signIn(port, agent.getEmail());
    long number = createTicket(session);
    HttpApi token = HttpApi.withToken(port, secret(create(session, "Notes", "tickets:write")));

    Response forged =
        session.postWithoutCsrfHeader(
            "/api/tickets/" + number + "/notes", json(Map.of("body", "forged")));
    Response viaToken =
        token.post("/api/tickets/" + number + "/notes", json(Map.of("body", "from a script")));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body().get("detail").asString()).contains("CSRF");
    assertThat(viaToken.status()).as(viaToken.body().toString()).isEqualTo(201);
  }

  @Test
  void shouldRefuseARevokedTokenWith401() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi session = TestAccounts.signIn(port, agent.getEmail());
    JsonNode created = create(session, "Short-lived", "tickets:read");
    HttpApi token = HttpApi.withToken(port, secret(created));
    assertThat(token.get("/api/tickets").status()).isEqualTo(200);

    Response revoke = session.send("DELETE", "/api/tokens/" + id(created), "application/json", "");
    Response after = token.get("/api/tickets");

    assertThat(revoke.status()).isEqualTo(204);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.problemType()).isEqualTo("urn:tempodesk:problem:unauthenticated");
    assertThat(after.body().get("detail").asString()).contains("revoked");
    assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
    JsonNode listed = find(session.get("/api/tokens").body(), id(created));
    assertThat(listed.get("revokedAt").isNull()).isFalse();
    assertThat(listed.get("active").asBoolean()).isFalse();
  }

  @Test
  void shouldRefuseAnExpiredTokenWith401() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi session = TestAccounts.signIn(port, agent.getEmail());
    JsonNode created =
        create(
            session,
            Map.of(
                "name",
                "Expiring",
                "scopes",
                List.of("tickets:read"),
                "expiresAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString()));
    HttpApi token = HttpApi.withToken(port, secret(created));
    assertThat(token.get("/api/tickets").status()).isEqualTo(200);

    // A day passes: the expiry is now behind us.
    dsl.update(API_TOKENS)
        .set(API_TOKENS.EXPIRES_AT, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
        .where(API_TOKENS.ID.eq(id(created)))
        .execute();
    Response after = token.get("/api/tickets");

    assertThat(after.status()).isEqualTo(401);
    assertThat(after.body().get("detail").asString()).contains("expired");
  }

  @Test
  void shouldRefuseTheTokensOfADeactivatedOwnerAndUnknownTokens() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi token =
        HttpApi.withToken(
            port,
            secret(create(TestAccounts.signIn(port, agent.getEmail()), "Mine", "tickets:read")));
    assertThat(token.get("/api/tickets").status()).isEqualTo(200);

    Response deactivate =
        adminSession.patch("/api/agents/" + agent.getId(), json(Map.of("active", false)));

    assertThat(deactivate.status()).as(deactivate.body().toString()).isEqualTo(200);
    assertThat(token.get("/api/tickets").status()).isEqualTo(401);
    Response unknown = HttpApi.withToken(port, "tdk_" + "A".repeat(43)).get("/api/tickets");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(HttpApi.withToken(port, "not-a-token").get("/api/tickets").status()).isEqualTo(401);
  }

  @Test
  void shouldKeepAdminEndpointsForAdminTokensWithTheAdminScope() {
    HttpApi adminRead =
        HttpApi.withToken(port, secret(create(adminSession, "Admin reader", "tickets:read")));
    HttpApi adminFull =
        HttpApi.withToken(port, secret(create(adminSession, "Admin all", "tickets:read", "admin")));
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi agentSession = TestAccounts.signIn(port, agent.getEmail());
    HttpApi agentPeople =
        HttpApi.withToken(
            port, secret(create(agentSession, "People", "people:read", "people:write")));

    Response withoutScope = adminRead.post("/api/agents", "{}");
    Response withScope = adminFull.post("/api/agents", "{}");
    Response agentAdminScope = agentSession.post("/api/tokens", tokenBody("Escalate", "admin"));
    Response agentOnAdminEndpoint = agentPeople.post("/api/agents", "{}");
    Response agentBeyondRole =
        agentPeople.patch("/api/organizations/" + Long.MAX_VALUE, json(Map.of("name", "x")));

    assertThat(withoutScope.status()).isEqualTo(403);
    assertThat(withoutScope.body().get("scope").asString()).isEqualTo("admin");
    assertThat(withScope.status()).as("allowed, then validated").isEqualTo(400);
    assertThat(agentAdminScope.status()).isEqualTo(403);
    assertThat(agentAdminScope.problemField()).isEqualTo("scopes");
    assertThat(agentOnAdminEndpoint.status()).isEqualTo(403);
    assertThat(agentOnAdminEndpoint.body().get("scope").asString()).isEqualTo("admin");
    assertThat(agentBeyondRole.status()).as("the owner's role still decides").isEqualTo(403);
    assertThat(agentBeyondRole.body().get("detail").asString()).contains("role");
  }

  @Test
  void shouldKeepTokenManagementAndSignInClosedToTokens() {
    HttpApi token =
        HttpApi.withToken(port, secret(create(adminSession, "Everything", allScopes())));

    assertThat(token.get("/api/tokens").status()).isEqualTo(403);
    assertThat(token.post("/api/tokens", tokenBody("Child", "admin")).status()).isEqualTo(403);
    assertThat(token.get("/api/auth/me").status()).isEqualTo(403);
    assertThat(token.get("/api/tickets").status()).isEqualTo(200);
  }

  @Test
  void shouldShowTheSecretOnceAndListOnlyItsPrefixAndLastUse() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi session = TestAccounts.signIn(port, agent.getEmail());
    JsonNode created = create(session, "Reporting", "tickets:read", "stats:read");
    String secret = secret(created);

    assertThat(secret).matches("tdk_[A-Za-z0-9_-]{43}");
    ApiTokensRecord row =
        dsl.selectFrom(API_TOKENS).where(API_TOKENS.ID.eq(id(created))).fetchOne();
    assertThat(row.getSecretHash()).hasSize(32);
    assertThat(new String(row.getSecretHash(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(secret.substring(4));
    assertThat(secret).startsWith(created.get("token").get("prefix").asString());
    assertThat(created.get("token").get("expiresAt").isNull())
        .as("the default expiry is the configured maximum")
        .isFalse();

    HttpApi token = HttpApi.withToken(port, secret);
    token.get("/api/tickets");
    JsonNode listed = find(session.get("/api/tokens").body(), id(created));
    String firstUse = listed.get("lastUsedAt").asString();
    for (int i = 0; i < 5; i++) {
      token.get("/api/tickets");
    }
    JsonNode again = find(session.get("/api/tokens").body(), id(created));

    assertThat(session.get("/api/tokens").body().toString()).doesNotContain(secret);
    assertThat(listed.get("scopes").toString()).contains("tickets:read", "stats:read");
    assertThat(listed.get("kind").asString()).isEqualTo("PERSONAL");
    assertThat(firstUse).isNotBlank();
    assertThat(listed.get("lastUsedAgent").asString()).contains("Java-http-client");
    assertThat(listed.get("lastUsedIp").asString()).isNotBlank();
    assertThat(again.get("lastUsedAt").asString())
        .as("written at most once a minute")
        .isEqualTo(firstUse);
  }

  @Test
  void shouldListServiceTokensForEveryAdminAndPersonalOnesOnlyForTheirOwner() {
    Map<String, Object> service = new HashMap<>();
    service.put("name", "Zapier");
    service.put("scopes", List.of("tickets:read"));
    service.put("service", true);
    JsonNode created = create(adminSession, service);
    AgentsRecord otherAdmin = accounts.agent("ADMIN");
    HttpApi otherSession = TestAccounts.signIn(port, otherAdmin.getEmail());
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi agentSession = TestAccounts.signIn(port, agent.getEmail());

    assertThat(created.get("token").get("kind").asString()).isEqualTo("SERVICE");
    assertThat(find(otherSession.get("/api/tokens").body(), id(created))).isNotNull();
    assertThat(agentSession.get("/api/tokens").body().toString()).doesNotContain("Zapier");
    assertThat(agentSession.post("/api/tokens", json(service)).problemField()).isEqualTo("service");
    assertThat(
            agentSession
                .send("DELETE", "/api/tokens/" + id(created), "application/json", "")
                .status())
        .isEqualTo(404);
    assertThat(
            otherSession
                .send("DELETE", "/api/tokens/" + id(created), "application/json", "")
                .status())
        .isEqualTo(204);
  }

  @Test
  void shouldRefuseBadInputNamingTheField() {
    Response unknownScope = adminSession.post("/api/tokens", tokenBody("Bad", "tickets:delete"));
    Response noScope = adminSession.post("/api/tokens", json(Map.of("name", "None")));
    Response blankName = adminSession.post("/api/tokens", tokenBody("  ", "tickets:read"));
    Response past =
        adminSession.post(
            "/api/tokens",
            json(
                Map.of(
                    "name", "Past",
                    "scopes", List.of("tickets:read"),
                    "expiresAt", "2020-01-01T00:00:00Z")));
    Response tooFar =
        adminSession.post(
            "/api/tokens",
            json(
                Map.of(
                    "name", "Forever",
                    "scopes", List.of("tickets:read"),
                    "expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString())));
    Response malformed =
        adminSession.post(
            "/api/tokens",
            json(
                Map.of("name", "Garbled", "scopes", List.of("tickets:read"), "expiresAt", "soon")));

    assertThat(unknownScope.status()).isEqualTo(422);
    assertThat(unknownScope.problemField()).isEqualTo("scopes");
    assertThat(unknownScope.body().get("detail").asString()).contains("tickets:delete");
    assertThat(noScope.status()).isEqualTo(422);
    assertThat(noScope.problemField()).isEqualTo("scopes");
    assertThat(blankName.status()).isEqualTo(422);
    assertThat(blankName.problemField()).isEqualTo("name");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.problemField()).isEqualTo("expiresAt");
    assertThat(tooFar.status()).isEqualTo(422);
    assertThat(tooFar.problemField()).isEqualTo("expiresAt");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.problemField()).isEqualTo("expiresAt");
  }

  private static String[] allScopes() {
    return new String[] {
      "tickets:read", "tickets:write", "people:read", "people:write", "stats:read", "admin"
    };
  }

  private static String tokenBody(String name, String... scopes) {
    return json(Map.of("name", name, "scopes", List.of(scopes)));
  }

  private static JsonNode create(HttpApi session, String name, String... scopes) {
    return create(session, Map.of("name", name, "scopes", List.of(scopes)));
  }

  private static JsonNode create(HttpApi session, Map<String, ?> body) {
    Response created = session.post("/api/tokens", json(body));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body();
  }

  private static String secret(JsonNode created) {
    return created.get("secret").asString();
  }

  private static long id(JsonNode created) {
    return created.get("token").get("id").asLong();
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode token : list) {
      if (token.get("id").asLong() == id) {
        return token;
      }
    }
    return null;
  }

  private static JsonNode lastOfKind(Response events, String kind) {
    JsonNode last = null;
    for (JsonNode event : events.body()) {
      if (kind.equals(event.get("kind").asString())) {
        last = event;
      }
    }
    assertThat(last).as("a " + kind + " event in " + events.body()).isNotNull();
    return last;
  }

  private long createTicket(HttpApi session) {
    var reporter =
        contacts.findOrCreate(
            "token-" + UUID.randomUUID() + "@client.example", "Token Reporter", null);
    Response created =
        session.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", "Build broke",
                    "description", "The pipeline reports a failure.",
                    "reporterId", reporter.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }
}
