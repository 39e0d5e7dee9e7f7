package dev.tempodesk.api.security;

import static dev.tempodesk.api.HttpApi.json;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
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
          entry("GET /api/tickets/{number}/lifecycle", Access.MANAGEMENT),
          entry("GET /api/mailboxes/{mailboxId}/lifecycle", Access.MANAGEMENT),
          entry("GET /api/assignment/lifecycle", Access.MANAGEMENT),
          entry("GET /v3/api-docs", Access.PUBLIC),
          entry("GET /v3/api-docs.yaml", Access.PUBLIC),
          entry("ANY /error", Access.PUBLIC));

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired OrganizationRepository organizations;

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
                // No such policy: nothing is changed or deleted, those allowed get 404.
                .replace("/api/sla-policies/{id}", "/api/sla-policies/" + Long.MAX_VALUE);
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
}
