package dev.tempodesk.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Strict JSON on every endpoint that reads a body (issue 16 item 5): for each typed field, the
 * values a lenient reader would convert ({@code "7"} for a number, {@code 1.5} for a whole number,
 * {@code "CLOSED "} or {@code "0"} for an enum, {@code "true"} for a boolean, {@code 5} for text, a
 * lone surrogate) are refused with a 400 ProblemDetail naming the field, and so are a property
 * given twice and an unknown property. Then the header rule: subjects and names typed with a line
 * break are a 422 naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StrictJsonTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String PROBLEM_JSON = "application/problem+json";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  private final AtomicInteger unique = new AtomicInteger();
  private HttpApi admin;
  private HttpApi customer;

  /** What a field holds, which decides the loose values tried on it. */
  enum Kind {
    TEXT,
    EMAIL,
    ID,
    INT,
    BOOL,
    ENUM,
    DURATION,
    EMAILS
  }

  /** A typed field of a body: its name (a dotted path when nested), kind and one valid value. */
  record Field(String name, Kind kind, String valid) {}

  static Field text(String name) {
    return new Field(name, Kind.TEXT, "\"Text\"");
  }

  static Field email(String name) {
    return new Field(name, Kind.EMAIL, "\"someone@example.com\"");
  }

  static Field id(String name) {
    return new Field(name, Kind.ID, "1");
  }

  static Field integer(String name) {
    return new Field(name, Kind.INT, "3");
  }

  static Field bool(String name) {
    return new Field(name, Kind.BOOL, "true");
  }

  static Field enumeration(String name, String valid) {
    return new Field(name, Kind.ENUM, "\"" + valid + "\"");
  }

  static Field duration(String name) {
    return new Field(name, Kind.DURATION, "\"P1D\"");
  }

  static Field emails(String name) {
    return new Field(name, Kind.EMAILS, "[\"someone@example.com\"]");
  }

  /** Raw JSON values a lenient reader takes for the field's type; each must be refused. */
  static List<String> looseValues(Field field) {
    String valid = field.valid();
    return switch (field.kind()) {
      case TEXT -> List.of("5", "1.5", "true", "\"lone \\ud800 high\"", "\"lone \\udc00 low\"");
      case EMAIL -> List.of("5", "true", "\"x\\udfff@example.com\"");
      case ID -> List.of("\"7\"", "\"1\"", "1.5", "1.0", "1e2", "\"\"", "true", "[1]");
      case INT -> List.of("\"3\"", "3.0", "3.5", "\"\"", "false");
      case BOOL -> List.of("\"true\"", "\"false\"", "1", "0", "\"yes\"", "\"\"");
      case ENUM -> {
        String name = valid.substring(1, valid.length() - 1);
        yield List.of(
            "\"" + name + " \"",
            "\" " + name + "\"",
            "\"" + name + "\\t\"",
            "\"" + name + "\\u0000\"",
            "\"" + name.toLowerCase() + "\"",
            "\"0\"",
            "0",
            "1",
            "true",
            "[" + valid + "]");
      }
      case DURATION -> List.of("86400", "1.5", "\"P1D \"", "\" P1D\"", "true");
      case EMAILS -> List.of("\"someone@example.com\"", "[5]", "[true]", "5");
    };
  }

  @BeforeEach
  void signIn() {
    TestAccounts accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    customer = TestAccounts.signIn(port, accounts.customer(null).getEmail());
  }

  @Test
  void shouldRefuseEveryLooseValueDuplicateAndUnknownPropertyNamingTheField() {
    long ticket = created(admin.post("/api/tickets", ticketJson("Base")), "number");
    long agent =
        created(
            admin.post(
                "/api/agents",
                "{\"email\":\"target@example.com\",\"displayName\":\"Target\",\"role\":\"AGENT\"}"),
            "id");
    long contact =
        created(
            admin.post(
                "/api/contacts", "{\"email\":\"c@example.com\",\"displayName\":\"Contact\"}"),
            "id");
    long organization = created(admin.post("/api/organizations", "{\"name\":\"Acme\"}"), "id");
    long portalTicket =
        customer
            .post("/api/portal/tickets", "{\"subject\":\"Help\",\"description\":\"Me\"}")
            .body()
            .path("ticket")
            .path("number")
            .asLong();
    assertThat(portalTicket).isPositive();

    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/tickets",
            () -> ticketBody("Printer jams"),
            List.of(
                text("subject"),
                text("description"),
                enumeration("priority", "HIGH"),
                enumeration("channel", "PHONE"),
                id("reporterId"),
                email("reporterEmail"),
                text("reporterName"),
                id("organizationId"),
                id("assetId"),
                id("assigneeId"))));
    endpoints.add(
        new Endpoint(
            admin,
            "PATCH",
            "/api/tickets/" + ticket,
            () -> body("comment", "\"probe\"", "priority", "\"HIGH\""),
            List.of(
                text("comment"),
                id("expectedVersion"),
                enumeration("status", "OPEN"),
                enumeration("priority", "LOW"),
                id("assigneeId"),
                enumeration("pendingReason", "CUSTOMER"),
                duration("pendingFor"),
                enumeration("resolution", "SOLVED"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/tickets/" + ticket + "/replies",
            () ->
                body(
                    "body",
                    "\"We are on it\"",
                    "setStatus",
                    body(
                        "status",
                        "\"PENDING\"",
                        "pendingReason",
                        "\"CUSTOMER\"",
                        "pendingFor",
                        "\"P2D\"",
                        "comment",
                        "\"wait\"")),
            List.of(
                text("body"),
                enumeration("bodyFormat", "TEXT"),
                emails("cc"),
                enumeration("setStatus.status", "PENDING"),
                enumeration("setStatus.pendingReason", "CUSTOMER"),
                duration("setStatus.pendingFor"),
                enumeration("setStatus.resolution", "SOLVED"),
                text("setStatus.comment"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/tickets/" + ticket + "/notes",
            () -> body("body", "\"Internal\""),
            List.of(text("body"), enumeration("bodyFormat", "HTML"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/agents",
            () ->
                body(
                    "email",
                    "\"agent" + unique.incrementAndGet() + "@example.com\"",
                    "displayName",
                    "\"Nina\"",
                    "role",
                    "\"AGENT\""),
            List.of(
                email("email"),
                text("displayName"),
                enumeration("role", "MANAGER"),
                integer("capacity"),
                bool("available"),
                text("password"))));
    endpoints.add(
        new Endpoint(
            admin,
            "PATCH",
            "/api/agents/" + agent,
            () -> body("available", "true"),
            List.of(
                email("email"),
                text("displayName"),
                enumeration("role", "AGENT"),
                integer("capacity"),
                bool("available"),
                bool("active"),
                text("password"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/contacts",
            () ->
                body(
                    "email",
                    "\"contact" + unique.incrementAndGet() + "@example.com\"",
                    "displayName",
                    "\"Carla\""),
            List.of(email("email"), text("displayName"), id("organizationId"))));
    endpoints.add(
        new Endpoint(
            admin,
            "PATCH",
            "/api/contacts/" + contact,
            () -> body("displayName", "\"Carla\""),
            List.of(email("email"), text("displayName"), id("organizationId"))));
    endpoints.add(
        new Endpoint(
            admin,
            "PUT",
            "/api/contacts/" + contact + "/portal-access",
            () -> body("enabled", "false"),
            List.of(bool("enabled"), text("password"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/organizations",
            () -> body("name", "\"Org " + unique.incrementAndGet() + "\""),
            List.of(text("name"), text("domain"))));
    endpoints.add(
        new Endpoint(
            admin,
            "PATCH",
            "/api/organizations/" + organization,
            () -> body("name", "\"Acme\""),
            List.of(text("name"), text("domain"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/organizations/" + organization + "/assets",
            () -> body("name", "\"Router\"", "kind", "\"NETWORK\""),
            List.of(text("name"), text("kind"), text("description"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/dev/inbound-email",
            null,
            List.of(
                text("fromName"),
                email("fromEmail"),
                text("subject"),
                text("body"),
                id("ticketNumber"))));
    endpoints.add(
        new Endpoint(
            admin,
            "POST",
            "/api/mailboxes/1/quarantine/some-message/retry",
            null,
            List.of(email("fromEmail"), text("fromName"))));
    endpoints.add(
        new Endpoint(
            HttpApi.anonymous(port),
            "POST",
            "/api/auth/login",
            null,
            List.of(email("email"), text("password"))));
    endpoints.add(
        new Endpoint(
            customer,
            "POST",
            "/api/portal/tickets",
            () -> body("subject", "\"Broken\"", "description", "\"Since today\""),
            List.of(text("subject"), text("description"), id("assetId"))));
    endpoints.add(
        new Endpoint(
            customer,
            "POST",
            "/api/portal/tickets/" + portalTicket + "/replies",
            () -> body("body", "\"Any news?\""),
            List.of(text("body"))));

    List<String> failures = new ArrayList<>();
    Map<String, Integer> perEndpoint = new TreeMap<>();
    int total = 0;
    for (Endpoint endpoint : endpoints) {
      if (endpoint.validBody() != null) {
        Response accepted = endpoint.send(render(endpoint.validBody().get()));
        if (accepted.status() >= 300) {
          failures.add(
              "the valid body of %s %s refused: %s"
                  .formatted(endpoint.method(), endpoint.path(), accepted.raw().body()));
        }
      }
      for (Probe probe : endpoint.probes()) {
        Response response = endpoint.send(probe.json());
        String wrong = judge(probe.field(), response);
        if (wrong != null) {
          failures.add(
              wrong
                  + " ← "
                  + endpoint.method()
                  + " "
                  + endpoint.path()
                  + " "
                  + probe.json()
                  + " → "
                  + response.status()
                  + " "
                  + response.raw().body());
        }
        perEndpoint.merge(endpoint.method() + " " + endpoint.path(), 1, Integer::sum);
        total++;
      }
    }
    System.out.println("Strict JSON: " + total + " loose requests");
    perEndpoint.forEach((endpoint, count) -> System.out.printf("  %-60s %4d%n", endpoint, count));
    assertThat(total).isGreaterThanOrEqualTo(500);
    assertThat(failures).as("%d of %d requests answered wrongly", failures.size(), total).isEmpty();
  }

  @Test
  void shouldRefuseTheDocumentedExamplesWithAReadableProblem() {
    Response closing =
        admin.patch(
            "/api/tickets/" + created(admin.post("/api/tickets", ticketJson("Base")), "number"),
            "{\"comment\":\"done\",\"status\":\"CLOSED \"}");
    assertThat(closing.status()).isEqualTo(400);
    assertThat(closing.problemField()).isEqualTo("status");
    assertThat(closing.body().path("detail").asString()).contains("CLOSED", "one of");

    Response unknown = admin.post("/api/organizations", "{\"name\":\"Beta\",\"domian\":\"b.io\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.problemField()).isEqualTo("domian");
    assertThat(unknown.body().path("detail").asString()).contains("domain");

    Response twice = admin.post("/api/organizations", "{\"name\":\"Gamma\",\"name\":\"Delta\"}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.problemField()).isEqualTo("name");

    Response surrogate = admin.post("/api/organizations", "{\"name\":\"Broken \\ud83d name\"}");
    assertThat(surrogate.status()).isEqualTo(400);
    assertThat(surrogate.problemField()).isEqualTo("name");
    assertThat(surrogate.body().path("detail").asString()).contains("surrogate");

    Response paired = admin.post("/api/organizations", "{\"name\":\"Fire \\ud83d\\udd25 Inc\"}");
    assertThat(paired.status()).as("a surrogate pair is one character").isEqualTo(201);
    assertThat(paired.body().path("name").asString()).isEqualTo("Fire \ud83d\udd25 Inc");
  }

  @Test
  void shouldRefuseLineBreaksInSubjectsAndNamesThatBecomeMailHeaders() {
    String injected = "a\r\nBcc: x@y.example";
    assertHeaderRefusal(admin.post("/api/tickets", ticketBodyWith("subject", injected)), "subject");
    assertHeaderRefusal(
        admin.post("/api/tickets", ticketBodyWith("reporterName", "Kim\nBcc: x@y.example")),
        "reporterName");
    assertHeaderRefusal(
        customer.post(
            "/api/portal/tickets",
            "{\"subject\":\"Broken\\u2028Bcc: x@y.example\",\"description\":\"d\"}"),
        "subject");
    assertHeaderRefusal(
        admin.post(
            "/api/agents",
            "{\"email\":\"nl@example.com\",\"displayName\":\"Nina\\rBcc: x@y\",\"role\":\"AGENT\"}"),
        "displayName");
    long agent =
        created(
            admin.post(
                "/api/agents",
                "{\"email\":\"ok@example.com\",\"displayName\":\"Olga\",\"role\":\"AGENT\"}"),
            "id");
    assertHeaderRefusal(
        admin.patch("/api/agents/" + agent, "{\"displayName\":\"Olga\\u0085Bcc: x@y\"}"),
        "displayName");
    assertHeaderRefusal(
        admin.post(
            "/api/contacts", "{\"email\":\"cl@example.com\",\"displayName\":\"Carl\\nX: 1\"}"),
        "displayName");
    long contact =
        created(
            admin.post("/api/contacts", "{\"email\":\"co@example.com\",\"displayName\":\"Cora\"}"),
            "id");
    assertHeaderRefusal(
        admin.patch("/api/contacts/" + contact, "{\"displayName\":\"Cora\\u001b[31m\"}"),
        "displayName");
    assertThat(admin.get("/api/contacts/" + contact).body().path("displayName").asString())
        .as("nothing changed")
        .isEqualTo("Cora");

    Response tab = admin.post("/api/tickets", ticketBodyWith("subject", "Tab\tseparated"));
    assertThat(tab.status()).as("TAB is folding white space, not a line break").isEqualTo(201);
  }

  private static void assertHeaderRefusal(Response response, String field) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
    assertThat(response.problemField()).isEqualTo(field);
    assertThat(response.body().path("detail").asString()).contains("one line", "U+");
  }

  /** Why the answer is wrong, or null: a 400 or 422 problem naming the field. */
  private static String judge(String field, Response response) {
    int status = response.status();
    if (status != 400 && status != 422) {
      return status < 300 ? "accepted" : "status " + status;
    }
    String type = response.header("Content-Type");
    if (type == null || !type.startsWith(PROBLEM_JSON)) {
      return "not a problem (" + type + ")";
    }
    String named = response.problemField();
    if (!field.equals(named) && (named == null || !named.startsWith(field + "["))) {
      return "field " + response.problemField() + " instead of " + field;
    }
    return null;
  }

  /** One JSON body sent to an endpoint and the field it must be refused for. */
  record Probe(String json, String field) {}

  /**
   * An endpoint reading a JSON body: its valid body (null when no valid request can be made here,
   * e.g. without a demo mailbox; the loose values are then tried in a body of valid values) and its
   * typed fields. Bodies are maps of raw JSON values; a nested object is a map too.
   */
  record Endpoint(
      HttpApi api,
      String method,
      String path,
      Supplier<Map<String, Object>> validBody,
      List<Field> fields) {

    Response send(String json) {
      return api.sendBytes(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> base() {
      Map<String, Object> body = new LinkedHashMap<>();
      if (validBody != null) {
        validBody.get().forEach((name, value) -> body.put(name, copy(value)));
        return body;
      }
      for (Field field : fields) {
        put(body, field.name(), field.valid());
      }
      return body;
    }

    /** Each field given each loose value; each field given twice; an unknown property. */
    List<Probe> probes() {
      List<Probe> probes = new ArrayList<>();
      for (Field field : fields) {
        for (String loose : looseValues(field)) {
          Map<String, Object> body = base();
          put(body, field.name(), loose);
          probes.add(new Probe(render(body), field.name()));
        }
        Map<String, Object> twice = base();
        put(twice, field.name(), field.valid());
        put(twice, field.name() + SECOND, field.valid());
        probes.add(new Probe(render(twice), field.name()));
      }
      Map<String, Object> unknown = base();
      unknown.put("unknownProperty", "1");
      probes.add(new Probe(render(unknown), "unknownProperty"));
      return probes;
    }
  }

  /** Marks a property written a second time under the same name. */
  private static final String SECOND = "#again";

  /** Sets a raw value; a dotted name sets it inside the nested object named by its prefix. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> body, String name, String raw) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      body.put(name, raw);
      return;
    }
    Object nested = body.computeIfAbsent(name.substring(0, dot), key -> new LinkedHashMap<>());
    put((Map<String, Object>) nested, name.substring(dot + 1), raw);
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((name, inner) -> copy.put(name, copy(inner)));
      return copy;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> body) {
    StringBuilder json = new StringBuilder("{");
    body.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append('"').append(name.replace(SECOND, "")).append("\":");
          json.append(
              value instanceof Map<?, ?> map ? render((Map<String, Object>) map) : (String) value);
        });
    return json.append('}').toString();
  }

  /** A body of raw JSON values: name, value, name, value… */
  private static Map<String, Object> body(Object... pairs) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      body.put((String) pairs[i], pairs[i + 1]);
    }
    return body;
  }

  private Map<String, Object> ticketBody(String subject) {
    return body(
        "subject",
        HttpApi.json(subject),
        "description",
        "\"Every morning\"",
        "priority",
        "\"HIGH\"",
        "channel",
        "\"PHONE\"",
        "reporterEmail",
        "\"reporter" + unique.incrementAndGet() + "@example.com\"");
  }

  private String ticketJson(String subject) {
    return render(ticketBody(subject));
  }

  private String ticketBodyWith(String field, String value) {
    Map<String, Object> body = ticketBody("Subject");
    body.put(field, HttpApi.json(value));
    return render(body);
  }

  private static long created(Response response, String key) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
    return response.body().get(key).asLong();
  }
}
