package dev.tempodesk.api.security;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.api.live.SseClient;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.GroupRef;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the app × anonymous and every role → allowed or denied, as DESIGN.md section 6
 * and issue #6 say. The endpoints are read from Spring MVC itself, so an endpoint added without a
 * row here fails {@link #shouldHaveARowForEveryEndpoint()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthorizationMatrixTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  /** Who may call an endpoint. */
  enum Access {
    PUBLIC,
    SIGNED_IN,
    STAFF,
    MANAGEMENT,
    ADMIN,
    CUSTOMER;

    boolean allows(Caller caller) {
      return switch (this) {
        case PUBLIC -> true;
        case SIGNED_IN -> caller != Caller.ANONYMOUS;
        case STAFF -> Set.of(Caller.ADMIN, Caller.MANAGER, Caller.AGENT).contains(caller);
        case MANAGEMENT -> Set.of(Caller.ADMIN, Caller.MANAGER).contains(caller);
        case ADMIN -> caller == Caller.ADMIN;
        case CUSTOMER -> caller == Caller.CUSTOMER;
      };
    }
  }

  enum Caller {
    ANONYMOUS,
    ADMIN,
    MANAGER,
    AGENT,
    CUSTOMER
  }

  /** "METHOD pattern" as Spring MVC maps it ("ANY" for mappings without a method). */
  static final Map<String, Access> MATRIX =
      Map.ofEntries(
          entry("POST /api/auth/login", Access.PUBLIC),
          entry("POST /api/auth/logout", Access.PUBLIC),
          entry("GET /api/auth/me", Access.SIGNED_IN),
          entry("POST /api/auth/password", Access.SIGNED_IN),
          entry("GET /api/auth/csrf", Access.PUBLIC),
          entry("GET /api/tickets", Access.STAFF),
          entry("POST /api/tickets", Access.STAFF),
          entry("GET /api/tickets/{number}", Access.STAFF),
          entry("PATCH /api/tickets/{number}", Access.STAFF),
          entry("GET /api/tickets/{number}/messages", Access.STAFF),
          entry("GET /api/tickets/{number}/events", Access.STAFF),
          entry("POST /api/tickets/{number}/replies", Access.STAFF),
          entry("POST /api/tickets/{number}/notes", Access.STAFF),
          entry("POST /api/tickets/{number}/replies/{messageId}/retry", Access.STAFF),
          entry("GET /api/tickets/{number}/presence", Access.STAFF),
          entry("PUT /api/tickets/{number}/presence", Access.STAFF),
          entry("DELETE /api/tickets/{number}/presence", Access.STAFF),
          entry("GET /api/customers/{contactId}/tickets", Access.STAFF),
          entry("GET /api/tags", Access.STAFF),
          entry("POST /api/tickets/bulk", Access.STAFF),
          entry("GET /api/tickets/bulk/{id}", Access.STAFF),
          entry("GET /api/macros", Access.STAFF),
          entry("GET /api/macros/placeholders", Access.STAFF),
          entry("GET /api/macros/{id}", Access.STAFF),
          entry("POST /api/macros", Access.STAFF),
          entry("PUT /api/macros/{id}", Access.STAFF),
          entry("DELETE /api/macros/{id}", Access.STAFF),
          entry("POST /api/tickets/{number}/macros/{id}/preview", Access.STAFF),
          entry("POST /api/tickets/{number}/macros/{id}/apply", Access.STAFF),
          entry("GET /api/agents", Access.STAFF),
          entry("GET /api/agents/{id}", Access.STAFF),
          entry("POST /api/agents", Access.ADMIN),
          entry("PATCH /api/agents/{id}", Access.ADMIN),
          entry("GET /api/me/signature", Access.STAFF),
          entry("PUT /api/me/signature", Access.STAFF),
          entry("GET /api/agents/{id}/signature", Access.ADMIN),
          entry("PUT /api/agents/{id}/signature", Access.ADMIN),
          entry("GET /api/mailboxes/{mailboxId}/signature", Access.STAFF),
          entry("PUT /api/mailboxes/{mailboxId}/signature", Access.ADMIN),
          entry("GET /api/tickets/{number}/signature", Access.STAFF),
          entry("GET /api/contacts", Access.STAFF),
          entry("GET /api/contacts/{id}", Access.STAFF),
          entry("POST /api/contacts", Access.MANAGEMENT),
          entry("PATCH /api/contacts/{id}", Access.MANAGEMENT),
          entry("PUT /api/contacts/{id}/portal-access", Access.MANAGEMENT),
          entry("GET /api/organizations", Access.STAFF),
          entry("GET /api/organizations/{id}", Access.STAFF),
          entry("POST /api/organizations", Access.MANAGEMENT),
          entry("PATCH /api/organizations/{id}", Access.MANAGEMENT),
          entry("GET /api/organizations/{id}/assets", Access.STAFF),
          entry("POST /api/organizations/{id}/assets", Access.MANAGEMENT),
          entry("PATCH /api/organizations/{id}/assets/{assetId}", Access.MANAGEMENT),
          entry("DELETE /api/organizations/{id}/assets/{assetId}", Access.MANAGEMENT),
          entry("GET /api/organizations/{id}/tickets", Access.STAFF),
          entry("GET /api/tickets/{number}/context", Access.STAFF),
          entry("GET /api/portal/tickets", Access.CUSTOMER),
          entry("POST /api/portal/tickets", Access.CUSTOMER),
          entry("GET /api/portal/tickets/{number}", Access.CUSTOMER),
          entry("POST /api/portal/tickets/{number}/replies", Access.CUSTOMER),
          entry("GET /api/attachments/{id}", Access.SIGNED_IN),
          entry("GET /api/stats/summary", Access.MANAGEMENT),
          entry("GET /api/stats/hourly", Access.MANAGEMENT),
          entry("GET /api/stats/agents", Access.MANAGEMENT),
          entry("GET /api/stats/tags", Access.MANAGEMENT),
          entry("GET /api/sla-policies", Access.STAFF),
          entry("GET /api/sla-policies/match", Access.STAFF),
          entry("GET /api/sla-policies/recalculations/{id}", Access.STAFF),
          entry("POST /api/sla-policies", Access.ADMIN),
          entry("PUT /api/sla-policies/{id}", Access.ADMIN),
          entry("PUT /api/sla-policies/order", Access.ADMIN),
          entry("DELETE /api/sla-policies/{id}", Access.ADMIN),
          entry("GET /api/business-calendars", Access.STAFF),
          entry("POST /api/business-calendars", Access.ADMIN),
          entry("GET /api/business-calendars/{id}", Access.STAFF),
          entry("PUT /api/business-calendars/{id}", Access.ADMIN),
          entry("DELETE /api/business-calendars/{id}", Access.ADMIN),
          entry("POST /api/business-calendars/{id}/holidays/import", Access.ADMIN),
          entry("GET /api/assignment/queue", Access.MANAGEMENT),
          entry("GET /api/views", Access.STAFF),
          entry("POST /api/views", Access.STAFF),
          entry("GET /api/views/{id}", Access.STAFF),
          entry("PUT /api/views/{id}", Access.STAFF),
          entry("DELETE /api/views/{id}", Access.STAFF),
          entry("GET /api/notifications", Access.SIGNED_IN),
          entry("GET /api/stream", Access.SIGNED_IN),
          entry("POST /api/notifications/{id}/read", Access.SIGNED_IN),
          entry("POST /api/notifications/read-all", Access.SIGNED_IN),
          entry("GET /api/mailboxes", Access.STAFF),
          entry("GET /api/mailboxes/connect", Access.ADMIN),
          entry("GET /api/mailboxes/callback", Access.ADMIN),
          entry("GET /api/mailboxes/{mailboxId}/quarantine", Access.MANAGEMENT),
          entry(
              "POST /api/mailboxes/{mailboxId}/quarantine/{providerMessageId}/retry",
              Access.MANAGEMENT),
          entry("GET /api/webhooks/nylas", Access.PUBLIC),
          entry("POST /api/webhooks/nylas", Access.PUBLIC),
          entry("POST /api/dev/inbound-email", Access.STAFF),
          entry("POST /api/attachments/{id}/retry", Access.STAFF),
          entry("GET /api/tokens", Access.STAFF),
          entry("POST /api/tokens", Access.STAFF),
          entry("DELETE /api/tokens/{id}", Access.STAFF),
          entry("GET /api/groups", Access.STAFF),
          entry("GET /api/groups/{id}", Access.STAFF),
          entry("POST /api/groups", Access.ADMIN),
          entry("PATCH /api/groups/{id}", Access.ADMIN),
          entry("DELETE /api/groups/{id}", Access.ADMIN),
          entry("GET /api/tickets/{number}/lifecycle", Access.MANAGEMENT),
          entry("GET /api/mailboxes/{mailboxId}/lifecycle", Access.MANAGEMENT),
          entry("GET /api/assignment/lifecycle", Access.MANAGEMENT),
          entry("GET /v3/api-docs", Access.PUBLIC),
          entry("GET /v3/api-docs.yaml", Access.PUBLIC),
          entry("GET /api/routing-rules", Access.STAFF),
          entry("GET /api/routing-rules/{id}", Access.STAFF),
          entry("POST /api/routing-rules/test", Access.STAFF),
          entry("POST /api/routing-rules", Access.ADMIN),
          entry("PATCH /api/routing-rules/{id}", Access.ADMIN),
          entry("PUT /api/routing-rules/order", Access.ADMIN),
          entry("DELETE /api/routing-rules/{id}", Access.ADMIN),
          entry("POST /api/contacts/{id}/merge", Access.MANAGEMENT),
          entry("GET /api/contacts/{id}/merges", Access.STAFF),
          entry("POST /api/contacts/{id}/portal-invitation", Access.MANAGEMENT),
          entry("GET /api/contacts/{id}/portal-invitations", Access.STAFF),
          entry("GET /api/auth/invitations/{token}", Access.PUBLIC),
          entry("POST /api/auth/invitations/{token}", Access.PUBLIC),
          entry("GET /api/tickets/export", Access.STAFF),
          entry("GET /api/tickets/{number}/export", Access.STAFF),
          entry("GET /api/stats/export", Access.MANAGEMENT),
          entry("GET /api/tickets/{number}/similar", Access.STAFF),
          entry("GET /api/webhook-subscriptions", Access.ADMIN),
          entry("POST /api/webhook-subscriptions", Access.ADMIN),
          entry("GET /api/webhook-subscriptions/{id}", Access.ADMIN),
          entry("PATCH /api/webhook-subscriptions/{id}", Access.ADMIN),
          entry("DELETE /api/webhook-subscriptions/{id}", Access.ADMIN),
          entry("POST /api/webhook-subscriptions/{id}/rotate-secret", Access.ADMIN),
          entry("GET /api/webhook-subscriptions/{id}/deliveries", Access.ADMIN),
          entry(
              "POST /api/webhook-subscriptions/{id}/deliveries/{deliveryId}/redeliver",
              Access.ADMIN),
          entry("GET /api/assist", Access.STAFF),
          entry("PUT /api/assist/settings", Access.ADMIN),
          entry("GET /api/tickets/{number}/assist/summary", Access.STAFF),
          entry("POST /api/tickets/{number}/assist/summary", Access.STAFF),
          entry("POST /api/tickets/{number}/assist/draft", Access.STAFF),
          entry("GET /api/tickets/{number}/assist/triage", Access.STAFF),
          entry("POST /api/tickets/{number}/assist/triage", Access.STAFF),
          entry("POST /api/tickets/{number}/assist/triage/apply", Access.STAFF),
          entry("ANY /error", Access.PUBLIC));

  /**
   * API tokens (issue 22): the scope an endpoint needs from a Bearer token ({@code TokenScopes}),
   * or {@link #SESSION_ONLY} where tokens are refused whatever their scopes (sign-in, tokens,
   * notifications, presence, one's own settings). Checked with an admin's tokens, so the role never
   * refuses.
   */
  static final String SESSION_ONLY = "session only";

  static final Map<String, String> TOKEN_SCOPES =
      Map.ofEntries(
          entry("GET /api/tickets", "tickets:read"),
          entry("GET /api/tickets/{number}", "tickets:read"),
          entry("GET /api/tickets/{number}/events", "tickets:read"),
          entry("GET /api/customers/{contactId}/tickets", "tickets:read"),
          entry("GET /api/organizations/{id}/tickets", "tickets:read"),
          entry("GET /api/tags", "tickets:read"),
          entry("GET /api/attachments/{id}", "tickets:read"),
          entry("POST /api/tickets", "tickets:write"),
          entry("PATCH /api/tickets/{number}", "tickets:write"),
          entry("POST /api/tickets/{number}/notes", "tickets:write"),
          entry("POST /api/tickets/bulk", "tickets:write"),
          entry("GET /api/agents", "people:read"),
          entry("GET /api/contacts/{id}", "people:read"),
          entry("GET /api/organizations", "people:read"),
          entry("POST /api/contacts", "people:write"),
          entry("PATCH /api/organizations/{id}", "people:write"),
          entry("GET /api/stats/summary", "stats:read"),
          entry("POST /api/agents", "admin"),
          entry("PATCH /api/agents/{id}", "admin"),
          entry("GET /api/sla-policies", "admin"),
          entry("PUT /api/sla-policies/{id}", "admin"),
          entry("GET /api/macros", "admin"),
          entry("GET /api/mailboxes", "admin"),
          entry("GET /api/webhook-subscriptions", "admin"),
          entry("POST /api/webhook-subscriptions/{id}/rotate-secret", "admin"),
          entry("GET /api/auth/me", SESSION_ONLY),
          entry("POST /api/auth/password", SESSION_ONLY),
          entry("GET /api/tokens", SESSION_ONLY),
          entry("POST /api/tokens", SESSION_ONLY),
          entry("GET /api/notifications", SESSION_ONLY),
          entry("PUT /api/tickets/{number}/presence", SESSION_ONLY),
          entry("GET /api/me/signature", SESSION_ONLY),
          entry("GET /api/mailboxes/connect", SESSION_ONLY));

  private static final List<String> ALL_SCOPES =
      List.of(
          "tickets:read", "tickets:write", "people:read", "people:write", "stats:read", "admin");

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired OrganizationRepository organizations;
  @Autowired DSLContext dsl;
  @Autowired TicketWorkflowGateway workflows;
  @Autowired AttachmentStore attachmentStore;
  @Autowired AttachmentRepository attachments;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final Map<Caller, HttpApi> clients = new EnumMap<>(Caller.class);
  private final Map<Caller, String> emails = new EnumMap<>(Caller.class);
  private Function<String, String> concretePath;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    OrganizationsRecord organization =
        organizations.insert("Matrix " + UUID.randomUUID(), "matrix.example");
    ContactsRecord customer = accounts.customer(organization.getId());
    emails.put(Caller.ADMIN, accounts.agent("ADMIN").getEmail());
    emails.put(Caller.MANAGER, accounts.agent("MANAGER").getEmail());
    emails.put(Caller.AGENT, accounts.agent("AGENT").getEmail());
    emails.put(Caller.CUSTOMER, customer.getEmail());
    long spareAgent = accounts.agent("AGENT").getId();
    for (Caller caller : Caller.values()) {
      clients.put(caller, client(caller));
    }
    Response ticket =
        clients
            .get(Caller.CUSTOMER)
            .post(
                "/api/portal/tickets",
                json(Map.of("subject", "Matrix ticket", "description", "for the matrix")));
    assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(201);
    long number = ticket.body().get("ticket").get("number").asLong();
    concretePath =
        pattern ->
            pattern
                .replace("{number}", Long.toString(number))
                .replace("{contactId}", Long.toString(customer.getId()))
                .replaceAll("^/api/agents/\\{id}", "/api/agents/" + spareAgent)
                .replaceAll("^/api/contacts/\\{id}", "/api/contacts/" + customer.getId())
                .replaceAll(
                    "^/api/organizations/\\{id}", "/api/organizations/" + organization.getId())
                // Nobody's entry: a caller who may mark entries read gets 404, not 401/403.
                .replace("{messageId}", UUID.randomUUID().toString())
                .replaceAll("^/api/attachments/\\{id}", "/api/attachments/" + UUID.randomUUID())
                // No such mailbox (404 for those allowed); a Microsoft-shaped id, '/' encoded.
                .replace("{mailboxId}", Long.toString(Long.MAX_VALUE))
                .replace("{providerMessageId}", "AAMkAD%2Fx%2By%3D")
                .replace("/api/notifications/{id}", "/api/notifications/" + Long.MAX_VALUE)
                // No such calendar: nothing is changed or deleted, those allowed get 404.
                .replace(
                    "/api/business-calendars/{id}", "/api/business-calendars/" + Long.MAX_VALUE)
                // No such bulk action or macro: nothing is changed, those allowed get 404.
                .replace("/api/tickets/bulk/{id}", "/api/tickets/bulk/" + Long.MAX_VALUE)
                .replace("/macros/{id}", "/macros/" + Long.MAX_VALUE)
                // No such asset: nothing is changed or deleted, those allowed get 404.
                .replace("{assetId}", Long.toString(Long.MAX_VALUE))
                // No such view: nothing is changed or deleted, those allowed get 404.
                .replace("/api/views/{id}", "/api/views/" + Long.MAX_VALUE)
                // No such recalculation: those allowed get 404.
                .replace("recalculations/{id}", "recalculations/sla-recalc-none")
                // No such token: nothing is revoked, those allowed get 404.
                .replace("/api/tokens/{id}", "/api/tokens/" + Long.MAX_VALUE)
                // No such invitation: nothing is used, everyone gets 404 (or 400 without a
                // password).
                .replace("{token}", "no-such-invitation")
                // No such policy: nothing is changed or deleted, those allowed get 404.
                .replace("/api/sla-policies/{id}", "/api/sla-policies/" + Long.MAX_VALUE)
                // No such routing rule: nothing is changed or deleted, those allowed get 404.
                .replace("/api/routing-rules/{id}", "/api/routing-rules/" + Long.MAX_VALUE)
                // No such group: nothing is changed or deleted, those allowed get 404.
                .replace("/api/groups/{id}", "/api/groups/" + Long.MAX_VALUE)
                // No such subscription or delivery: nothing is changed, those allowed get 404.
                .replace(
                    "/api/webhook-subscriptions/{id}",
                    "/api/webhook-subscriptions/" + Long.MAX_VALUE)
                .replace("{deliveryId}", Long.toString(Long.MAX_VALUE));
  }

  private HttpApi client(Caller caller) {
    return caller == Caller.ANONYMOUS
        ? HttpApi.anonymous(port)
        : TestAccounts.signIn(port, emails.get(caller));
  }

  @Test
  void shouldHaveARowForEveryEndpoint() {
    assertThat(new TreeSet<>(MATRIX.keySet()))
        .as("rows of AuthorizationMatrixTest.MATRIX vs the app's endpoints")
        .isEqualTo(endpoints());
  }

  @Test
  void shouldAllowAndDenyEveryEndpointForEveryCallerAsTheMatrixSays() {
    List<String> wrong = new ArrayList<>();
    for (String endpoint : endpoints()) {
      Access access = MATRIX.get(endpoint);
      if (access == null) {
        continue; // reported by shouldHaveARowForEveryEndpoint
      }
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = concretePath.apply(endpoint.substring(endpoint.indexOf(' ') + 1));
      for (Caller caller : Caller.values()) {
        // Signing out ends the session, so it gets a session of its own.
        HttpApi api = path.equals("/api/auth/logout") ? client(caller) : clients.get(caller);
        Response response = call(api, method.equals("ANY") ? "GET" : method, path);
        String outcome = judge(access.allows(caller), caller, response, path);
        if (outcome != null) {
          wrong.add(endpoint + " as " + caller + ": " + outcome);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldOpenEachEndpointToTokensWithItsScopeOnly() {
    Map<String, HttpApi> only = new java.util.HashMap<>();
    Map<String, HttpApi> allBut = new java.util.HashMap<>();
    for (String scope : ALL_SCOPES) {
      only.put(scope, token("only " + scope, List.of(scope)));
      allBut.put(
          scope,
          token("all but " + scope, ALL_SCOPES.stream().filter(s -> !s.equals(scope)).toList()));
    }
    HttpApi everything = token("everything", ALL_SCOPES);
    List<String> wrong = new ArrayList<>();
    TOKEN_SCOPES.forEach(
        (endpoint, scope) -> {
          assertThat(MATRIX).as("a row of MATRIX").containsKey(endpoint);
          String method = endpoint.substring(0, endpoint.indexOf(' '));
          String path = concretePath.apply(endpoint.substring(endpoint.indexOf(' ') + 1));
          if (scope.equals(SESSION_ONLY)) {
            Response refused = call(everything, method, path);
            if (refused.status() != 403) {
              wrong.add(endpoint + " with every scope: expected 403, got " + refused.status());
            }
            return;
          }
          String allowed = judge(true, Caller.ADMIN, call(only.get(scope), method, path), path);
          if (allowed != null) {
            wrong.add(endpoint + " with only " + scope + ": " + allowed);
          }
          Response lacking = call(allBut.get(scope), method, path);
          if (lacking.status() != 403 || !scope.equals(lacking.body().path("scope").asString(""))) {
            wrong.add(
                endpoint
                    + " without "
                    + scope
                    + ": expected 403 naming it, got "
                    + lacking.status()
                    + " "
                    + lacking.body());
          }
        });
    assertThat(wrong).isEmpty();
  }

  /** A token of this test's admin with these scopes, as an integration would send it. */
  private HttpApi token(String name, List<String> scopes) {
    Response created =
        clients.get(Caller.ADMIN).post("/api/tokens", json(Map.of("name", name, "scopes", scopes)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return HttpApi.withToken(port, created.body().get("secret").asString());
  }

  @Test
  void shouldKeepHealthPublicAndOtherActuatorEndpointsClosed() {
    HttpApi anonymous = clients.get(Caller.ANONYMOUS);

    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/env").status()).isEqualTo(401);
    assertThat(clients.get(Caller.ADMIN).get("/actuator/env").status()).isEqualTo(403);
  }

  private static Response call(HttpApi api, String method, String path) {
    return switch (method) {
      case "GET" -> path.equals("/api/stream") ? api.openStream(path) : api.get(path);
      case "POST" -> api.post(path, "{}");
      case "PATCH" -> api.patch(path, "{}");
      case "PUT" -> api.put(path, "{}");
      case "DELETE" -> api.send("DELETE", path, "application/json", "");
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** Null when the answer is what the matrix expects; otherwise what went wrong. */
  private static String judge(boolean allowed, Caller caller, Response response, String path) {
    boolean unauthenticated =
        response.status() == 401
            && "urn:tempodesk:problem:unauthenticated".equals(response.problemType());
    boolean forbidden =
        response.status() == 403
            && "urn:tempodesk:problem:forbidden".equals(response.problemType());
    if (allowed) {
      if (unauthenticated || forbidden) {
        return "expected allowed, got " + response.status() + " " + response.body();
      }
      if (response.status() >= 500 && !path.equals("/error")) {
        return "allowed but failed: " + response.status() + " " + response.body();
      }
      return null;
    }
    boolean denied = caller == Caller.ANONYMOUS ? unauthenticated : forbidden;
    return denied
        ? null
        : "expected "
            + (caller == Caller.ANONYMOUS ? "401" : "403")
            + ", got "
            + response.status()
            + " "
            + response.body();
  }

  private Set<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          endpoints.add("ANY " + pattern);
        }
        methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
      }
    }
    return endpoints;
  }

  // Issue 21: visibility by group. An agent sees the tickets of their groups and those assigned
  // to them; managers and admins see every ticket; anything else answers 404 as a missing ticket.

  @Test
  void shouldShowAnAgentOnlyTheTicketsOfTheirGroupsAndThoseAssignedToThem() throws Exception {
    TestAccounts accounts = TestAccounts.of(app);
    long groupA = group("Matrix A " + UUID.randomUUID());
    long groupB = group("Matrix B " + UUID.randomUUID());
    AgentsRecord ofA = onlyIn(accounts.agent("AGENT"), groupA);
    AgentsRecord ofBoth = onlyIn(accounts.agent("AGENT"), groupA, groupB);
    HttpApi agentOfA = TestAccounts.signIn(port, ofA.getEmail());
    HttpApi agentOfBoth = TestAccounts.signIn(port, ofBoth.getEmail());
    HttpApi manager = clients.get(Caller.MANAGER);
    HttpApi admin = clients.get(Caller.ADMIN);
    ContactsRecord customer = accounts.customer(null);
    Response opened =
        TestAccounts.signIn(port, customer.getEmail())
            .post(
                "/api/portal/tickets",
                json(Map.of("subject", "Invoice twice", "description", "Billed twice.")));
    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
    long number = opened.body().get("ticket").get("number").asLong();
    UUID firstMessage = UUID.fromString(opened.body().get("messages").get(0).get("id").asString());
    workflows
        .existing(number)
        .update(
            TicketUpdateRequest.by(Actor.SYSTEM, "billing question")
                .group(new GroupRef(groupB, "Matrix B"))
                .build());
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    UUID file =
        attachments.recordStored(
            firstMessage,
            0,
            "invoice.pdf",
            "application/pdf",
            "application/pdf",
            pdf.length,
            null,
            false,
            attachmentStore.put(pdf));
    String ticket = "/api/tickets/" + number;

    // Group B's ticket, for an agent of A only: as if there were none.
    Map<String, Response> asAgentOfA = new java.util.LinkedHashMap<>();
    asAgentOfA.put("GET ticket", agentOfA.get(ticket));
    asAgentOfA.put(
        "PATCH ticket", agentOfA.patch(ticket, json(Map.of("priority", "HIGH", "comment", "x"))));
    asAgentOfA.put("GET messages", agentOfA.get(ticket + "/messages"));
    asAgentOfA.put("GET events", agentOfA.get(ticket + "/events"));
    asAgentOfA.put("POST reply", agentOfA.post(ticket + "/replies", json(Map.of("body", "Hi"))));
    asAgentOfA.put("POST note", agentOfA.post(ticket + "/notes", json(Map.of("body", "Hm"))));
    asAgentOfA.put("GET presence", agentOfA.get(ticket + "/presence"));
    asAgentOfA.put("PUT presence", agentOfA.put(ticket + "/presence", "{}"));
    asAgentOfA.put("GET context", agentOfA.get(ticket + "/context"));
    asAgentOfA.put("GET signature", agentOfA.get(ticket + "/signature"));
    asAgentOfA.put("GET attachment", agentOfA.get("/api/attachments/" + file));
    asAgentOfA.put("GET similar", agentOfA.get(ticket + "/similar"));
    asAgentOfA.forEach(
        (what, response) ->
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404));
    assertThat(numbers(agentOfA.get("/api/tickets?includeDone=true"))).doesNotContain(number);
    assertThat(numbers(agentOfA.get("/api/tickets?text=%23" + number))).doesNotContain(number);
    assertThat(numbers(agentOfA.get("/api/customers/" + customer.getId() + "/tickets")))
        .doesNotContain(number);
    assertThat(bulkOutcome(agentOfA, number))
        .as("a bulk action's invisible ticket: refused, as a missing one")
        .isEqualTo("REFUSED There is no ticket #" + number + ".");

    // A member of both groups, a manager and an admin see it.
    for (HttpApi sees : List.of(agentOfBoth, manager, admin)) {
      assertThat(sees.get(ticket).status()).isEqualTo(200);
      assertThat(sees.get(ticket + "/messages").status()).isEqualTo(200);
      assertThat(sees.getBytes("/api/attachments/" + file).statusCode()).isEqualTo(200);
      assertThat(numbers(sees.get("/api/tickets?includeDone=true"))).contains(number);
    }

    // The live stream: the member of both groups gets the ticket's events, the agent of A none.
    try (SseClient streamOfA = SseClient.open(agentOfA, null);
        SseClient streamOfBoth = SseClient.open(agentOfBoth, null)) {
      Response note = manager.post(ticket + "/notes", json(Map.of("body", "Refund it")));
      assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
      while (streamOfBoth.seen().stream()
              .noneMatch(e -> Long.valueOf(number).equals(e.ticketNumber()))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(streamOfBoth.seen()).anyMatch(e -> Long.valueOf(number).equals(e.ticketNumber()));
      assertThat(streamOfA.seen()).noneMatch(e -> Long.valueOf(number).equals(e.ticketNumber()));
    }

    // Once assigned to the agent of A, the ticket is theirs to see, though it stays in B.
    Response assigned =
        manager.patch(ticket, json(Map.of("assigneeId", ofA.getId(), "comment", "Yours")));
    assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
    assertThat(agentOfA.get(ticket).status()).isEqualTo(200);
    assertThat(agentOfA.get(ticket + "/events").status()).isEqualTo(200);
    assertThat(agentOfA.getBytes("/api/attachments/" + file).statusCode()).isEqualTo(200);
    assertThat(numbers(agentOfA.get("/api/tickets"))).contains(number);
    Response reply = agentOfA.post(ticket + "/notes", json(Map.of("body", "On it")));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
  }

  private long group(String name) {
    return dsl.insertInto(GROUPS).set(GROUPS.NAME, name).returning(GROUPS.ID).fetchOne().getId();
  }

  /** The agent as a member of exactly these groups (out of the default group V44 put them in). */
  private AgentsRecord onlyIn(AgentsRecord agent, long... groups) {
    dsl.deleteFrom(GROUP_MEMBERS).where(GROUP_MEMBERS.AGENT_ID.eq(agent.getId())).execute();
    for (long group : groups) {
      dsl.insertInto(GROUP_MEMBERS)
          .set(GROUP_MEMBERS.GROUP_ID, group)
          .set(GROUP_MEMBERS.AGENT_ID, agent.getId())
          .execute();
    }
    return agent;
  }

  private static List<Long> numbers(Response page) {
    assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
    List<Long> numbers = new ArrayList<>();
    page.body().get("items").forEach(item -> numbers.add(item.get("number").asLong()));
    return numbers;
  }

  /** A bulk action on ticket #number by this agent, run to its end: "OUTCOME reason". */
  private static String bulkOutcome(HttpApi agent, long number) throws InterruptedException {
    Response started =
        agent.post(
            "/api/tickets/bulk",
            json(
                Map.of(
                    "numbers", List.of(number),
                    "changes", Map.of("priority", "HIGH"),
                    "comment", "all high")));
    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    String progress = "/api/tickets/bulk/" + started.body().get("id").asLong();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    Response action = agent.get(progress);
    while (!action.body().get("done").asBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      action = agent.get(progress);
    }
    var result = action.body().get("results").get(0);
    return result.get("outcome").asString() + " " + result.get("reason").asString();
  }
}
