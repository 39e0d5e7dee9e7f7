package dev.tempodesk.api.hardening;

import static dev.tempodesk.api.hardening.MalformedRequests.Field.bool;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.duration;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.email;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.enumeration;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.futureInstant;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.ids;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.integer;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.number;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.reference;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.refusing;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.requiredReference;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.text;
import static dev.tempodesk.api.hardening.MalformedRequests.Field.texts;
import static dev.tempodesk.api.hardening.MalformedRequests.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.api.hardening.MalformedRequests.Field;
import dev.tempodesk.api.hardening.MalformedRequests.Probe;
import dev.tempodesk.api.hardening.MalformedRequests.Who;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated malformed requests against the running app, sent byte for byte: bodies
 * broken field by field (as an admin, and a customer for the portal, so that authorization is never
 * what answers), and requests broken below the JSON (URLs, content types, methods, headers, the
 * webhook's signature), signed out, as an admin and as a customer. None may be a 5xx; every error
 * is an RFC 9457 problem, one caused by a single field or parameter names it, a 415 names the
 * Content-Type header. Prints the counts by endpoint, caller and status.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tempodesk.nylas.webhook-secret=" + BadInputSuiteTest.WEBHOOK_SECRET)
@ActiveProfiles("test")
class BadInputSuiteTest {
  static final String WEBHOOK_SECRET = "whsec-bad-input-suite";
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON_TYPE = "application/json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  private final AtomicInteger unique = new AtomicInteger();

  @Test
  void shouldAnswerEveryMalformedRequestWithAProblemNamingTheFieldAndNeverA5xx() {
    TestAccounts accounts = TestAccounts.of(app);
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    HttpApi customer = TestAccounts.signIn(port, accounts.customer(null).getEmail());
    long ticket = created(admin.post("/api/tickets", ticketBody()), "number");
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
    long asset =
        created(
            admin.post(
                "/api/organizations/" + organization + "/assets",
                "{\"name\":\"Switch\",\"kind\":\"NETWORK\"}"),
            "id");
    long portalTicket =
        created(
            customer.post("/api/portal/tickets", "{\"subject\":\"Help\",\"description\":\"Me\"}"),
            "ticket");

    MalformedRequests asAdmin = new MalformedRequests(Who.ADMIN);
    adminProbes(asAdmin, ticket, agent, contact, organization);
    laterProbes(asAdmin, ticket, agent, organization, asset);
    Issue21And22 later = issue21And22Setup(admin, agent);
    issue21And22Probes(asAdmin, ticket, agent, later);
    MalformedRequests asCustomer = new MalformedRequests(Who.CUSTOMER);
    customerProbes(asCustomer, portalTicket);
    HostileRequests hostile = new HostileRequests();
    ApiSurface.probes(hostile, ticket, agent, contact, organization, portalTicket, WEBHOOK_SECRET);
    ApiSurface.issue21And22(
        hostile, ticket, later.group(), later.rule(), later.mergeTarget(), later.token());

    List<Probe> probes = new ArrayList<>();
    probes.addAll(asAdmin.all());
    probes.addAll(asCustomer.all());
    probes.addAll(hostile.all());
    Map<Who, Map<String, String>> sessions =
        Map.of(
            Who.ANONYMOUS, Map.of(),
            Who.ADMIN, session(admin),
            Who.CUSTOMER, session(customer));

    List<String> failures = new ArrayList<>();
    Map<String, Integer> perEndpoint = new TreeMap<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<Who, Integer> perCaller = new TreeMap<>();
    RawHttp raw = new RawHttp(port);
    long started = System.nanoTime();
    Map<String, Long> millis = new TreeMap<>();
    for (Sent sent : sendAll(raw, probes, sessions)) {
      Probe probe = sent.probe();
      RawHttp.Answer answer = sent.answer();
      perEndpoint.merge(probe.endpoint(), 1, Integer::sum);
      statuses.merge(answer.status(), 1, Integer::sum);
      perCaller.merge(probe.who(), 1, Integer::sum);
      millis.merge(probe.endpoint(), sent.millis(), Long::sum);
      String wrong = judge(probe, answer);
      if (wrong != null) {
        failures.add(
            wrong
                + " ← "
                + probe.describe()
                + " → "
                + answer.status()
                + " ["
                + answer.header("Content-Type")
                + "] "
                + abbreviate(answer.body()));
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;

    System.out.println("Bad-input suite: " + probes.size() + " requests in " + seconds + " s");
    perEndpoint.forEach(
        (endpoint, count) ->
            System.out.printf("  %-28s %4d %6d ms%n", endpoint, count, millis.get(endpoint)));
    System.out.println("  by caller: " + perCaller);
    System.out.println("  by status:");
    statuses.forEach((status, count) -> System.out.printf("    %d %5d%n", status, count));
    assertThat(probes.size()).isGreaterThanOrEqualTo(400);
    assertThat(failures)
        .as("%d of %d requests answered wrongly", failures.size(), probes.size())
        .isEmpty();
  }

  private record Sent(Probe probe, RawHttp.Answer answer, long millis) {}

  /**
   * Sends every probe and returns the answers in the probes' order. Probes of one endpoint go one
   * after another (a PATCH may depend on the one before), endpoints in parallel, and reads and
   * creations in batches of 40, so the suite mostly waits on several requests at once.
   */
  private static List<Sent> sendAll(
      RawHttp raw, List<Probe> probes, Map<Who, Map<String, String>> sessions) {
    Map<String, List<Probe>> byEndpoint = new LinkedHashMap<>();
    probes.forEach(p -> byEndpoint.computeIfAbsent(p.endpoint(), e -> new ArrayList<>()).add(p));
    List<List<Probe>> batches = new ArrayList<>();
    byEndpoint.forEach(
        (endpoint, group) -> {
          boolean independent =
              endpoint.endsWith(".create")
                  || group.stream().allMatch(p -> p.method().equals("GET"));
          int size = independent ? 40 : group.size();
          for (int from = 0; from < group.size(); from += size) {
            batches.add(group.subList(from, Math.min(group.size(), from + size)));
          }
        });
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<List<Sent>>> running = new ArrayList<>();
      for (List<Probe> batch : batches) {
        running.add(
            pool.submit(
                () -> {
                  List<Sent> answers = new ArrayList<>();
                  for (Probe probe : batch) {
                    long sent = System.nanoTime();
                    Map<String, String> headers = new LinkedHashMap<>(sessions.get(probe.who()));
                    headers.putAll(probe.headers());
                    RawHttp.Answer answer =
                        raw.send(probe.method(), probe.target(), headers, probe.body());
                    answers.add(new Sent(probe, answer, (System.nanoTime() - sent) / 1_000_000));
                  }
                  return answers;
                }));
      }
      List<Sent> all = new ArrayList<>();
      for (Future<List<Sent>> batch : running) {
        all.addAll(batch.get());
      }
      return all;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A probe could not be sent", e.getCause());
    }
  }

  /** The cookies and CSRF header a signed-in browser sends. */
  private static Map<String, String> session(HttpApi api) {
    api.get("/api/auth/csrf");
    String session = api.cookie("SESSION").orElseThrow();
    String csrf = api.cookie(HttpApi.CSRF_COOKIE).orElseThrow();
    return Map.of(
        "Cookie",
        "SESSION=" + session + "; " + HttpApi.CSRF_COOKIE + "=" + csrf,
        HttpApi.CSRF_HEADER,
        csrf);
  }

  private void adminProbes(
      MalformedRequests probes, long ticket, long agent, long contact, long organization) {
    probes.body(
        "tickets.create",
        "POST",
        "/api/tickets",
        () ->
            Map.of(
                "subject", "\"Printer jams\"",
                "description", "\"Every morning\"",
                "priority", "\"HIGH\"",
                "channel", "\"PHONE\"",
                "reporterEmail", quote("reporter" + unique.incrementAndGet() + "@example.com")),
        List.of(
            text("subject", true, 300),
            text("description", true, 100_000),
            enumeration("priority", false),
            enumeration("channel", false),
            reference("reporterId"),
            email("reporterEmail", false),
            text("reporterName", false, 200),
            reference("organizationId"),
            reference("assetId"),
            reference("assigneeId")));
    String patch = "/api/tickets/" + ticket;
    probes.body(
        "tickets.patch",
        "PATCH",
        patch,
        () -> Map.of("comment", "\"probe\"", "priority", "\"HIGH\""),
        List.of(
            text("comment", true, 10_000),
            number("expectedVersion"),
            enumeration("status", false),
            enumeration("priority", false),
            reference("assigneeId"),
            enumeration("pendingReason", false),
            enumeration("resolution", false)));
    probes.body(
        "tickets.patch",
        "PATCH",
        patch,
        () ->
            Map.of(
                "comment", "\"wait\"",
                "status", "\"PENDING\"",
                "pendingReason", "\"CUSTOMER\"",
                "pendingFor", "\"P1D\""),
        List.of(duration("pendingFor")));
    String list = "/api/tickets";
    for (String[] bad :
        new String[][] {
          // The filters broken: BROKEN_LIST_FILTERS (list and export).
          {"text", "t".repeat(5000)},
          {"cursor", "garbage"},
          {"cursor", "eyJzb21lIjoianNvbiJ9"},
          {"cursor", "%%%"},
          {"cursor", "A".repeat(4000)},
          {"limit", "0"},
          {"limit", "-1"},
          {"limit", "201"},
          {"limit", "abc"},
          {"limit", "99999999999999999999"}
        }) {
      probes.query("tickets.list", list, bad[0], bad[1], true);
    }
    probes.query("tickets.list", list, "text", "nul\u0000byte", false);
    probes.query("tickets.list", list, "text", "%' OR 1=1 --", false);
    for (String[] bad :
        new String[][] {
          {"before", "abc"},
          {"before", "99999999999999999999"},
          {"limit", "0"},
          {"limit", "101"},
          {"limit", "x"}
        }) {
      probes.query("notifications.feed", "/api/notifications", bad[0], bad[1], true);
    }
    probes.query("notifications.feed", "/api/notifications", "before", "-1", false);
    for (String hours : List.of("0", "-5", "2209", "abc", "99999999999", "1.5")) {
      probes.query("stats.summary", "/api/stats/summary", "hours", hours, true);
    }
    for (String path : List.of("/api/stats/hourly", "/api/stats/agents")) {
      String endpoint = path.substring(5).replace('/', '.');
      for (String from :
          List.of(
              "garbage",
              "2026-01-01",
              "+999999999-12-31T23:59:59Z",
              "1970-01-01T00:00:00Z",
              "2026-13-45T99:00:00Z",
              "-999999999-01-01T00:00:00Z")) {
        probes.query(endpoint, path, "from", from, true);
      }
      probes.query(
          endpoint, path + "?to=2026-03-02T09:00:00Z", "from", "2026-03-02T10:00:00Z", true);
      probes.query(
          endpoint, path + "?to=2026-03-02T10:00:00Z", "from", "2026-03-02T10:00:00Z", true);
      probes.query(endpoint, path, "to", "not-a-date", true);
    }
    probes.query("contacts.list", "/api/contacts", "limit", "501", true);
    probes.query("contacts.list", "/api/contacts", "organizationId", "abc", true);
    probes.query(
        "customers.tickets", "/api/customers/" + contact + "/tickets", "cursor", "junk", true);
    probes.query("customers.tickets", "/api/customers/" + contact + "/tickets", "limit", "0", true);

    probes.body(
        "agents.create",
        "POST",
        "/api/agents",
        () ->
            Map.of(
                "email", quote("agent" + unique.incrementAndGet() + "@example.com"),
                "displayName", "\"Nina\"",
                "role", "\"AGENT\""),
        List.of(
            email("email", true),
            text("displayName", true, 200),
            enumeration("role", true),
            integer("capacity", 0, 100),
            bool("available", false),
            text("password", false, 200)));
    probes.body(
        "agents.patch",
        "PATCH",
        "/api/agents/" + agent,
        () -> Map.of("available", "true"),
        List.of(
            email("email", false),
            text("displayName", false, 200),
            enumeration("role", false),
            integer("capacity", 0, 100),
            bool("available", false),
            bool("active", false),
            text("password", false, 200)));
    probes.body(
        "contacts.create",
        "POST",
        "/api/contacts",
        () ->
            Map.of(
                "email",
                quote("contact" + unique.incrementAndGet() + "@example.com"),
                "displayName",
                "\"Carla\""),
        List.of(email("email", true), text("displayName", true, 200), reference("organizationId")));
    probes.body(
        "contacts.patch",
        "PATCH",
        "/api/contacts/" + contact,
        () -> Map.of("displayName", "\"Carla\""),
        List.of(
            email("email", false), text("displayName", false, 200), reference("organizationId")));
    probes.body(
        "contacts.portalAccess",
        "PUT",
        "/api/contacts/" + contact + "/portal-access",
        () -> Map.of("enabled", "false"),
        List.of(bool("enabled", true), text("password", false, 200)));
    probes.body(
        "organizations.create",
        "POST",
        "/api/organizations",
        () -> Map.of("name", quote("Org " + unique.incrementAndGet())),
        List.of(text("name", true, 200), text("domain", false, 253)));
    probes.body(
        "organizations.patch",
        "PATCH",
        "/api/organizations/" + organization,
        () -> Map.of("name", "\"Acme\""),
        List.of(text("name", false, 200), text("domain", false, 253)));
    probes.body(
        "assets.create",
        "POST",
        "/api/organizations/" + organization + "/assets",
        () -> Map.of("name", "\"Router\"", "kind", "\"NETWORK\""),
        List.of(text("name", true, 200), text("kind", true, 50), text("description", false, 2000)));
    probes.body(
        "slaPolicies.create",
        "POST",
        "/api/sla-policies",
        () -> Map.of("name", quote("Policy " + unique.incrementAndGet())),
        List.of(text("name", true, 200), reference("calendarId"), number("position")));
    probes.query("slaPolicies.match", "/api/sla-policies/match", "priority", "ASAP", true);
    probes.query("slaPolicies.match", "/api/sla-policies/match", "organizationId", "abc", true);
    probes.body(
        "dev.inboundEmail",
        "POST",
        "/api/dev/inbound-email",
        () -> Map.of("fromEmail", "\"someone@example.com\"", "body", "\"Hello\""),
        List.of(
            text("fromName", false, 200),
            email("fromEmail", true),
            text("subject", false, 500),
            text("body", true, 100_000),
            number("ticketNumber")));

    String comment = "{\"comment\":\"probe\"}";
    probes.badIds("tickets.byId", "GET", "/api/tickets/{id}", "");
    probes.badIds("tickets.byId", "PATCH", "/api/tickets/{id}", comment);
    probes.badIds("tickets.byId", "GET", "/api/tickets/{id}/messages", "");
    probes.badIds("tickets.byId", "GET", "/api/tickets/{id}/events", "");
    probes.badIds("agents.byId", "GET", "/api/agents/{id}", "");
    probes.badIds("agents.byId", "PATCH", "/api/agents/{id}", "{\"available\":true}");
    probes.badIds("contacts.byId", "GET", "/api/contacts/{id}", "");
    probes.badIds("contacts.byId", "PATCH", "/api/contacts/{id}", "{\"displayName\":\"X\"}");
    probes.badIds("organizations.byId", "GET", "/api/organizations/{id}", "");
    probes.badIds(
        "organizations.byId",
        "POST",
        "/api/organizations/{id}/assets",
        "{\"name\":\"R\",\"kind\":\"NETWORK\"}");
    probes.badIds("notifications.byId", "POST", "/api/notifications/{id}/read", "");
    probes.badIds("customers.tickets", "GET", "/api/customers/{id}/tickets", "");
    probes.badIds("attachments.retry", "POST", "/api/attachments/{id}/retry", "");
    probes.badIds("slaPolicies.byId", "PUT", "/api/sla-policies/{id}", "{\"name\":\"X\"}");
    probes.badIds("slaPolicies.byId", "DELETE", "/api/sla-policies/{id}", "");
  }

  /** Endpoints of issue 20 and 21 (signatures, presence, assets edited). */
  private void laterProbes(
      MalformedRequests probes, long ticket, long agent, long organization, long asset) {
    probes.body(
        "signatures.mine",
        "PUT",
        "/api/me/signature",
        () -> Map.of("html", "\"<p>Ada</p>\""),
        List.of(text("html", false, 10_000)));
    probes.body(
        "signatures.agent",
        "PUT",
        "/api/agents/" + agent + "/signature",
        () -> Map.of("html", "\"<p>Target</p>\""),
        List.of(text("html", false, 10_000)));
    // A heartbeat without a body is "viewing": only a broken body is refused.
    probes.optionalBody(
        "presence.put",
        "PUT",
        "/api/tickets/" + ticket + "/presence",
        () -> Map.of("typing", "true"),
        List.of(bool("typing", false)));
    probes.body(
        "assets.patch",
        "PATCH",
        "/api/organizations/" + organization + "/assets/" + asset,
        () -> Map.of("description", "\"Rack 3\""),
        List.of(
            text("name", false, 200), text("kind", false, 50), text("description", false, 2000)));
    probes.badIds("signatures.agent", "PUT", "/api/agents/{id}/signature", "{\"html\":\"x\"}");
    probes.badIds("presence.put", "PUT", "/api/tickets/{id}/presence", "{\"typing\":true}");
    probes.badIds(
        "assets.patch",
        "PATCH",
        "/api/organizations/" + organization + "/assets/{id}",
        "{\"name\":\"R\"}");
  }

  /** Rows the probes of issue 21 and 22 work on. */
  record Issue21And22(long group, long rule, long mergeTarget, long mergeSource, long token) {}

  private Issue21And22 issue21And22Setup(HttpApi admin, long agent) {
    long group =
        created(
            admin.post(
                "/api/groups", "{\"name\":\"Probed\",\"members\":[{\"agentId\":" + agent + "}]}"),
            "id");
    long rule =
        created(
            admin.post("/api/routing-rules", "{\"name\":\"Probed\",\"groupId\":" + group + "}"),
            "id");
    long mergeTarget =
        created(
            admin.post(
                "/api/contacts", "{\"email\":\"keep@example.com\",\"displayName\":\"Keep\"}"),
            "id");
    long mergeSource =
        created(
            admin.post("/api/contacts", "{\"email\":\"dup@example.com\",\"displayName\":\"Dup\"}"),
            "id");
    HttpApi.Response token =
        admin.post("/api/tokens", "{\"name\":\"Probed\",\"scopes\":[\"tickets:read\"]}");
    assertThat(token.status()).as(token.body().toString()).isEqualTo(201);
    return new Issue21And22(
        group, rule, mergeTarget, mergeSource, token.body().path("token").path("id").asLong());
  }

  /**
   * Endpoints of issue 21 and 22: groups, a ticket's group, routing rules, agents' skills, API
   * tokens, contact merges, portal invitations, exports, lifecycle views, bulk actions.
   */
  private void issue21And22Probes(
      MalformedRequests probes, long ticket, long agent, Issue21And22 rows) {
    List<String> badMembers =
        List.of(
            "{}",
            "[{}]",
            "[null]",
            "[1]",
            "\"everyone\"",
            "[{\"agentId\":\"abc\"}]",
            "[{\"agentId\":99999999999999999999999}]",
            "[{\"agentId\":987654321}]",
            "[{\"agentId\":-1}]",
            "[{\"agentId\":" + agent + ",\"manager\":\"maybe\"}]",
            "[{\"agentId\":" + agent + ",\"role\":\"boss\"}]");
    probes.body(
        "groups.create",
        "POST",
        "/api/groups",
        () -> Map.of("name", quote("Group " + unique.incrementAndGet())),
        groupFields(true, badMembers));
    probes.body(
        "groups.patch",
        "PATCH",
        "/api/groups/" + rows.group(),
        () -> Map.of("description", "\"Probed\""),
        groupFields(false, badMembers));
    for (String mine : List.of("maybe", "2", "%00", "t".repeat(300))) {
      probes.query("groups.list", "/api/groups", "mine", mine, true);
    }
    probes.badIds("groups.byId", "GET", "/api/groups/{id}", "");
    probes.badIds("groups.byId", "PATCH", "/api/groups/{id}", "{\"description\":\"x\"}");
    probes.badIds("groups.byId", "DELETE", "/api/groups/{id}", "");

    // Moving a ticket: one field of the ticket's PATCH, and of a bulk action's changes.
    probes.body(
        "tickets.patch",
        "PATCH",
        "/api/tickets/" + ticket,
        () -> Map.of("comment", "\"move\""),
        List.of(
            reference("groupId"),
            texts("tags", false, 50),
            texts("addTags", false, 50),
            texts("removeTags", false, 50)));
    probes.body(
        "bulk.create",
        "POST",
        "/api/tickets/bulk",
        () ->
            Map.of(
                "comment", "\"bulk\"",
                "numbers", "[" + ticket + "]",
                "changes", "{\"priority\":\"HIGH\"}"),
        List.of(
            text("comment", true, 10_000),
            ids("numbers", false),
            reference("macroId"),
            refusing(
                "changes",
                false,
                List.of(
                    "{\"groupId\":\"abc\"}",
                    "{\"groupId\":987654321}",
                    "{\"groupId\":-1}",
                    "{\"groupId\":99999999999999999999999}",
                    "{\"groupId\":[1]}",
                    "{\"priority\":\"BOGUS\"}",
                    "{\"status\":\"PENDING\",\"pendingFor\":\"forever\"}",
                    "{\"assigneeId\":987654321}",
                    "{\"addTags\":[null]}",
                    "\"close them\"")),
            refusing("numbers", false, List.of("[987654321]", "[null]", "[-1]"))));
    // "All matching": the filter of the list, broken.
    probes.body(
        "bulk.create",
        "POST",
        "/api/tickets/bulk",
        () ->
            Map.of(
                "comment", "\"bulk\"",
                "matching", "{\"text\":\"Base ticket\"}",
                "changes", "{\"priority\":\"HIGH\"}"),
        List.of(
            refusing(
                "matching",
                false,
                List.of(
                    "{\"groupId\":[\"abc\"]}",
                    "{\"status\":[\"BOGUS\"]}",
                    "{\"idleFor\":\"forever\"}",
                    "{\"idleFor\":\"-P1D\"}",
                    "{\"createdFrom\":\"yesterday\"}",
                    "{\"createdFrom\":\"-999999999-01-01T00:00:00Z\"}",
                    "{\"sort\":\"RANDOM\"}",
                    "{\"text\":\"no ticket says this\"}",
                    "[]"))));
    probes.query("bulk.get", "/api/tickets/bulk/1", "outcome", "BOGUS", true);
    probes.query("bulk.get", "/api/tickets/bulk/1", "after", "abc", true);
    probes.query("bulk.get", "/api/tickets/bulk/1", "limit", "0", true);
    probes.badIds("bulk.get", "GET", "/api/tickets/bulk/{id}", "");

    probes.body(
        "agents.create",
        "POST",
        "/api/agents",
        () ->
            Map.of(
                "email", quote("skilled" + unique.incrementAndGet() + "@example.com"),
                "displayName", "\"Sam\"",
                "role", "\"AGENT\""),
        List.of(texts("skills", false, 50)));
    probes.body(
        "agents.patch",
        "PATCH",
        "/api/agents/" + agent,
        () -> Map.of("available", "true"),
        List.of(texts("skills", false, 50)));

    probes.body(
        "routingRules.create",
        "POST",
        "/api/routing-rules",
        () ->
            Map.of("name", quote("Rule " + unique.incrementAndGet()), "groupId", "" + rows.group()),
        ruleFields(text("name", true, 200), requiredReference("groupId")));
    probes.body(
        "routingRules.patch",
        "PATCH",
        "/api/routing-rules/" + rows.rule(),
        () -> Map.of("enabled", "true"),
        ruleFields(text("name", false, 200), reference("groupId")));
    probes.body(
        "routingRules.order",
        "PUT",
        "/api/routing-rules/order",
        () -> Map.of("ids", "[" + rows.rule() + "]"),
        List.of(ids("ids", true)));
    probes.body(
        "routingRules.test",
        "POST",
        "/api/routing-rules/test",
        () -> Map.of("subject", "\"Invoice\"", "text", "\"Refund please\""),
        List.of(
            text("subject", false, 300),
            text("text", false, 100_000),
            enumeration("channel", false),
            number("mailboxId"),
            number("organizationId"),
            refusing(
                "recipients",
                false,
                List.of(
                    "{}",
                    "[\"not-an-address\"]",
                    "[null]",
                    "[42]",
                    "[\"a@example.com\\r\\nBcc: e@x.test\"]",
                    "[" + quote("x".repeat(1024 * 1024) + "@example.com") + "]"))));
    probes.badIds("routingRules.byId", "GET", "/api/routing-rules/{id}", "");
    probes.badIds("routingRules.byId", "PATCH", "/api/routing-rules/{id}", "{\"enabled\":true}");
    probes.badIds("routingRules.byId", "DELETE", "/api/routing-rules/{id}", "");

    probes.body(
        "tokens.create",
        "POST",
        "/api/tokens",
        () ->
            Map.of(
                "name", quote("Token " + unique.incrementAndGet()), "scopes", "[\"tickets:read\"]"),
        List.of(
            text("name", true, 80),
            refusing(
                "scopes",
                true,
                List.of(
                    "{}",
                    "[]",
                    "[null]",
                    "[\"\"]",
                    "[\"tickets:delete\"]",
                    "[\"TICKETS:READ \"]",
                    "[\"tickets:read\",\"bogus\"]",
                    "[{}]",
                    "[[\"admin\"]]",
                    "[" + quote("x".repeat(1024 * 1024)) + "]",
                    "\"everything\"")),
            futureInstant("expiresAt"),
            bool("service", false)));
    probes.badIds("tokens.byId", "DELETE", "/api/tokens/{id}", "");

    String merge = "/api/contacts/" + rows.mergeTarget() + "/merge";
    probes.body(
        "contacts.merge",
        "POST",
        merge,
        () -> Map.of("contactId", "" + rows.mergeSource()),
        List.of(
            requiredReference("contactId"),
            refusing(
                "contactId",
                true,
                List.of(
                    "" + rows.mergeTarget(), // itself
                    "\"" + rows.mergeSource() + "x\"",
                    "[" + rows.mergeSource() + "]"))));
    probes.badIds("contacts.merge", "POST", "/api/contacts/{id}/merge", "{\"contactId\":1}");
    probes.badIds("contacts.merges", "GET", "/api/contacts/{id}/merges", "");
    probes.badIds("contacts.invite", "POST", "/api/contacts/{id}/portal-invitation", "");
    probes.badIds("contacts.invitations", "GET", "/api/contacts/{id}/portal-invitations", "");

    // Exports: every filter of the list, broken; the stats CSV; a ticket as JSON.
    String export = "/api/tickets/export";
    for (String[] bad : BROKEN_LIST_FILTERS) {
      probes.query("tickets.export", export, bad[0], bad[1], true);
      probes.query("tickets.list", "/api/tickets", bad[0], bad[1], true);
    }
    probes.query("tickets.export", export, "text", "nul\u0000byte", false);
    for (String[] bad :
        new String[][] {
          {"report", "BOGUS"},
          {"report", "hourly; DROP TABLE"},
          {"from", "garbage"},
          {"from", "+999999999-12-31T23:59:59Z"},
          {"from", "-999999999-01-01T00:00:00Z"},
          {"from", "2026-13-45T99:00:00Z"},
          {"to", "not-a-date"},
          {"to", "+999999999-12-31T23:59:59Z"}
        }) {
      probes.query("stats.export", "/api/stats/export", bad[0], bad[1], true);
    }
    probes.query(
        "stats.export",
        "/api/stats/export?to=2026-03-02T09:00:00Z",
        "from",
        "2026-03-02T10:00:00Z",
        true);
    for (String path : List.of("/api/stats/hourly", "/api/stats/agents", "/api/stats/tags")) {
      String endpoint = path.substring(5).replace('/', '.');
      probes.query(endpoint, path, "to", "+999999999-12-31T23:59:59Z", true);
      probes.query(endpoint, path, "to", "-999999999-01-01T00:00:00Z", true);
    }
    probes.badIds("tickets.exportOne", "GET", "/api/tickets/{id}/export", "");

    // Lifecycle views: the ticket's, a mailbox's, the assigner's.
    for (String path :
        List.of(
            "/api/tickets/" + ticket + "/lifecycle",
            "/api/mailboxes/1/lifecycle",
            "/api/assignment/lifecycle")) {
      String endpoint =
          path.startsWith("/api/tickets")
              ? "lifecycle.ticket"
              : path.startsWith("/api/mailboxes") ? "lifecycle.mailbox" : "lifecycle.assigner";
      for (String[] bad :
          new String[][] {
            {"size", "0"},
            {"size", "-1"},
            {"size", "201"},
            {"size", "abc"},
            {"size", "99999999999999999999"},
            {"size", "1.5"},
            {"pageToken", "garbage"},
            {"pageToken", "%%%"},
            {"pageToken", "AAAA"},
            {"pageToken", "eyJzb21lIjoianNvbiJ9"},
            {"pageToken", "A".repeat(201)},
            {"pageToken", "A".repeat(5000)},
            {"pageToken", "nul\u0000"}
          }) {
        probes.query(endpoint, path, bad[0], bad[1], true);
      }
    }
    probes.badIds("lifecycle.ticket", "GET", "/api/tickets/{id}/lifecycle", "");
    probes.badIds("lifecycle.mailbox", "GET", "/api/mailboxes/{id}/lifecycle", "");

    // A portal invitation's link: a token that is not one.
    for (String token :
        List.of("garbage", "%00", "A".repeat(5000), "..%2f..%2fetc", "%C0%AF", "tdk_x")) {
      probes.raw("invitations.accept", "GET", "/api/auth/invitations/" + token, null, null, true);
      probes.raw(
          "invitations.accept",
          "POST",
          "/api/auth/invitations/" + token,
          JSON_TYPE,
          "{\"password\":\"correct horse battery\"}",
          true);
    }
    probes.body(
        "invitations.accept",
        "POST",
        "/api/auth/invitations/no-such-token",
        () -> Map.of("password", "\"correct horse battery\""),
        List.of(text("password", true, 200)));
  }

  /** A group's fields, the name required on creation. */
  private static List<Field> groupFields(boolean create, List<String> badMembers) {
    return List.of(
        text("name", create, 100),
        text("description", false, 1000),
        refusing("members", false, badMembers),
        reference("defaultSlaPolicyId"),
        integer("skillWaitSeconds", 0, Integer.MAX_VALUE));
  }

  /** A routing rule's fields after its name and group. */
  private static List<Field> ruleFields(Field name, Field group) {
    return List.of(
        name,
        group,
        bool("enabled", false),
        reference("mailboxId"),
        reference("organizationId"),
        email("recipient", false),
        enumeration("channel", false),
        enumeration("setPriority", false),
        texts("keywords", false, 100),
        texts("addTags", false, 50));
  }

  /** Every list filter of GET /api/tickets (and so of its export), broken one at a time. */
  private static final String[][] BROKEN_LIST_FILTERS = {
    {"status", "BOGUS"},
    {"status", "NEW,BOGUS"},
    {"priority", "urgent!"},
    {"assigneeId", "abc"},
    {"assigneeId", "99999999999999999999999"},
    {"unassigned", "maybe"},
    {"mine", "maybe"},
    {"includeDone", "2"},
    {"text", "t".repeat(201)},
    {"tag", "t".repeat(5000)},
    {"tag", "bad tag\u0000"},
    {"pendingReason", "SOMEDAY"},
    {"idleFor", "forever"},
    {"idleFor", "P-1D"},
    {"idleFor", "PT99999999999999999999H"},
    {"sort", "RANDOM"},
    {"sort", "urgency; DROP TABLE tickets"},
    {"mailboxId", "abc"},
    {"mailboxId", "1,abc"},
    {"mailboxId", "99999999999999999999999"},
    {"channel", "PIGEON"},
    {"organizationId", "abc"},
    {"organizationId", "99999999999999999999999"},
    {"reporterId", "abc"},
    {"reporterId", "1.5"},
    {"createdFrom", "yesterday"},
    {"createdFrom", "2026-02-30"},
    {"createdFrom", "+999999999-12-31"},
    {"createdFrom", "-999999999-01-01T00:00:00Z"},
    {"createdTo", "2026-13-01"},
    {"createdTo", "99999-01-01"},
    {"updatedFrom", "2026-01-01T25:00:00Z"},
    {"updatedFrom", "2026-01-01T10:00:00"},
    {"updatedTo", "garbage"},
    {"updatedTo", "+999999999-12-31T23:59:59Z"},
    {"groupId", "abc"},
    {"groupId", "1,abc"},
    {"groupId", "99999999999999999999999"},
    {"groupId", "1.5"}
  };

  private void customerProbes(MalformedRequests probes, long portalTicket) {
    probes.body(
        "portal.create",
        "POST",
        "/api/portal/tickets",
        () -> Map.of("subject", "\"Broken\"", "description", "\"Since today\""),
        List.of(
            text("subject", true, 300), text("description", true, 100_000), reference("assetId")));
    probes.body(
        "portal.reply",
        "POST",
        "/api/portal/tickets/" + portalTicket + "/replies",
        () -> Map.of("body", "\"Any news?\""),
        List.of(text("body", true, 100_000)));
    probes.query("portal.list", "/api/portal/tickets", "cursor", "garbage", true);
    probes.query("portal.list", "/api/portal/tickets", "limit", "0", true);
    probes.badIds("portal.byId", "GET", "/api/portal/tickets/{id}", "");
    probes.badIds("portal.byId", "POST", "/api/portal/tickets/{id}/replies", "{\"body\":\"Hi\"}");
  }

  /**
   * Why the answer is wrong, or null when it is right: never a 5xx; an error is a problem (its
   * status and a title) with the field at fault for a 400 or 422, and the header for a 415.
   */
  private static String judge(Probe probe, RawHttp.Answer answer) {
    int status = answer.status();
    if (status >= 500) {
      return "5xx";
    }
    if (status < 400) {
      return probe.mustReject() ? "accepted, field " + probe.field() : null;
    }
    String type = answer.header("Content-Type");
    if (type == null || !type.startsWith(PROBLEM_JSON)) {
      return "not a problem (" + type + ")";
    }
    if (probe.method().equals("HEAD")) {
      return null;
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(answer.body());
    } catch (RuntimeException unreadable) {
      return "problem body is not JSON";
    }
    // "type" may be left out: RFC 9457 reads a missing type as about:blank.
    if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
      return "problem without its status or title";
    }
    String field = problem.path("field").asString(null);
    boolean fieldLevel = status == 400 || status == 422;
    if (probe.field() != null && fieldLevel && !names(field, probe.field())) {
      return "field " + field + " instead of " + probe.field();
    }
    if (status == 415 && !"Content-Type".equals(problem.path("header").asString(null))) {
      return "415 without naming the Content-Type header";
    }
    return null;
  }

  /** The problem's field is the probed one, or a part of it ("members[0].agentId"). */
  private static boolean names(String field, String probed) {
    return field != null
        && (field.equals(probed)
            || field.startsWith(probed + "[")
            || field.startsWith(probed + "."));
  }

  private static long created(HttpApi.Response response, String key) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    if (key.equals("ticket")) {
      return response.body().path("ticket").path("number").asLong();
    }
    return response.body().get(key).asLong();
  }

  private String ticketBody() {
    return "{\"subject\":\"Base\",\"description\":\"Base ticket\",\"reporterEmail\":\"base@example.com\"}";
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
