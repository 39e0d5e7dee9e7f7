package dev.tempodesk.api.embedded;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Routing rules through the API: admins write and order them, staff read and test them, and a new
 * ticket is routed by them whichever way it comes in (the agent API, the portal, a customer's mail
 * through the demo mailbox's real sync path), with the rule named in a ROUTED event.
 */
class RoutingRulesApiIntegrationTest {
  private static final String PATH = "/api/routing-rules";
  private static DemoMailbox mailbox;
  private static ConfigurableApplicationContext app;
  private static int port;

  private HttpApi admin;
  private HttpApi manager;
  private HttpApi agent;
  private TestAccounts accounts;
  private String unique;
  private long group;

  @BeforeAll
  static void start() {
    TestDatabases.TestDatabase database = TestDatabases.fresh();
    mailbox = DemoMailbox.start();
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + database.jdbcUrl());
    args.add("--spring.datasource.username=postgres");
    args.add("--tempodesk.mail.poll-interval=PT1S");
    mailbox.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
    app =
        new SpringApplicationBuilder(TempodeskApplication.class)
            .profiles("test")
            .initializers(
                context -> context.getBeanFactory().registerSingleton("demoMailbox", mailbox))
            .run(args.toArray(String[]::new));
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    app.close();
    mailbox.close();
  }

  @BeforeEach
  void signIn() {
    accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    manager = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    AgentsRecord member = accounts.agent("AGENT");
    agent = TestAccounts.signIn(port, member.getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
    // The agent reads the routed tickets, so it is a member of the group they go to (agents see
    // their groups' tickets).
    group = newGroup("Billing " + unique, member.getId());
  }

  private static long newGroup(String name, long memberId) {
    DSLContext dsl = app.getBean(DSLContext.class);
    long id = dsl.insertInto(GROUPS).set(GROUPS.NAME, name).returning(GROUPS.ID).fetchOne().getId();
    dsl.insertInto(GROUP_MEMBERS)
        .set(GROUP_MEMBERS.GROUP_ID, id)
        .set(GROUP_MEMBERS.AGENT_ID, memberId)
        .execute();
    return id;
  }

  private Map<String, Object> rule(String name) {
    Map<String, Object> rule = new HashMap<>();
    rule.put("name", name);
    rule.put("groupId", group);
    return rule;
  }

  private long created(Map<String, Object> rule) {
    Response created = admin.post(PATH, json(rule));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private void delete(long id) {
    assertThat(admin.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(204);
  }

  private List<Long> ids() {
    return agent.get(PATH).body().valueStream().map(rule -> rule.get("id").asLong()).toList();
  }

  @Test
  void adminsWriteAndOrderRulesStaffReadThem() {
    Map<String, Object> billing = rule("Billing mail " + unique);
    billing.put("recipient", "Billing Team <BILLING-" + unique + "@Acme.Example>");
    billing.put("setPriority", "HIGH");
    billing.put("addTags", List.of(" Billing Issue", "vip"));
    Response created = admin.post(PATH, json(billing));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    JsonNode rule = created.body();
    long first = rule.get("id").asLong();
    assertThat(created.header("Location")).isEqualTo(PATH + "/" + first);
    assertThat(rule.get("recipient").asString()).isEqualTo("billing-" + unique + "@acme.example");
    assertThat(rule.get("groupName").asString()).isEqualTo("Billing " + unique);
    assertThat(rule.get("enabled").asBoolean()).isTrue();
    assertThat(rule.get("addTags").valueStream().map(JsonNode::asString))
        .containsExactly("billing-issue", "vip");

    Response patched =
        admin.patch(
            PATH + "/" + first,
            "{\"recipient\": null, \"keywords\": [\" Credit   card \", \"refund\"],"
                + " \"enabled\": false}");
    assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
    assertThat(patched.body().get("recipient").isNull()).as("null clears a condition").isTrue();
    assertThat(patched.body().get("keywords").valueStream().map(JsonNode::asString))
        .containsExactly("Credit card", "refund");
    assertThat(patched.body().get("enabled").asBoolean()).isFalse();
    assertThat(patched.body().get("setPriority").asString())
        .as("a field left out stays")
        .isEqualTo("HIGH");

    long second = created(rule("Catch " + unique));
    assertThat(ids()).containsSubsequence(first, second);
    List<Long> reversed = new ArrayList<>(ids());
    reversed.remove(second);
    reversed.addFirst(second);
    Response reordered = admin.put(PATH + "/order", json(Map.of("ids", reversed)));
    assertThat(reordered.status()).as(reordered.body().toString()).isEqualTo(200);
    assertThat(ids()).isEqualTo(reversed);
    assertThat(agent.get(PATH).body().get(0).get("position").asInt()).isEqualTo(1);
    Response incomplete = admin.put(PATH + "/order", json(Map.of("ids", List.of(second))));
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.problemField()).isEqualTo("ids");
    assertThat(ids()).as("a refused order changes nothing").isEqualTo(reversed);

    assertThat(manager.get(PATH + "/" + first).status()).isEqualTo(200);
    assertThat(agent.post(PATH, json(rule("Mine"))).status()).isEqualTo(403);
    assertThat(manager.patch(PATH + "/" + first, "{\"name\": \"x\"}").status()).isEqualTo(403);
    assertThat(manager.put(PATH + "/order", json(Map.of("ids", reversed))).status()).isEqualTo(403);
    assertThat(agent.send("DELETE", PATH + "/" + first, "application/json", "").status())
        .isEqualTo(403);
    assertThat(HttpApi.anonymous(port).get(PATH).status()).isEqualTo(401);

    delete(first);
    delete(second);
    assertThat(admin.send("DELETE", PATH + "/" + first, "application/json", "").status())
        .isEqualTo(404);
    assertThat(admin.patch(PATH + "/" + first, "{\"name\": \"x\"}").status()).isEqualTo(404);
    assertThat(ids()).doesNotContain(first, second);
  }

  private void refused(Map<String, Object> change, int status, String field) {
    Map<String, Object> body = rule("Refused " + unique);
    body.putAll(change);
    Response response = admin.post(PATH, json(body));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.problemField()).isEqualTo(field);
  }

  @Test
  void refusesBadRulesNamingTheField() {
    refused(Map.of("name", "  "), 422, "name");
    refused(Map.of("groupId", 999_999), 422, "groupId");
    Map<String, Object> noGroup = rule("No group");
    noGroup.remove("groupId");
    Response missing = admin.post(PATH, json(noGroup));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.problemField()).isEqualTo("groupId");
    refused(Map.of("mailboxId", 999_999), 422, "mailboxId");
    refused(Map.of("organizationId", 999_999), 422, "organizationId");
    refused(Map.of("recipient", "billing at acme"), 422, "recipient");
    refused(Map.of("recipient", "a@x.example, b@x.example"), 422, "recipient");
    refused(Map.of("channel", "FAX"), 422, "channel");
    refused(Map.of("channel", "email"), 422, "channel");
    refused(Map.of("setPriority", "SOON"), 422, "setPriority");
    refused(Map.of("keywords", List.of("ok", " ")), 422, "keywords");
    refused(Map.of("keywords", List.of("x".repeat(101))), 422, "keywords");
    refused(Map.of("addTags", List.of("")), 422, "addTags");
    refused(Map.of("addTags", List.of("t".repeat(51))), 422, "addTags");
    refused(Map.of("groupId", "three"), 400, "groupId");
    assertThat(ids()).isEmpty();

    long id = created(rule("Fine " + unique));
    Response unknownField = admin.patch(PATH + "/" + id, "{\"grupId\": 3}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.problemField()).isEqualTo("grupId");
    Response wrongType = admin.patch(PATH + "/" + id, "{\"keywords\": \"refund\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.problemField()).isEqualTo("keywords");
    Response clearedGroup = admin.patch(PATH + "/" + id, "{\"groupId\": null}");
    assertThat(clearedGroup.status()).isEqualTo(422);
    assertThat(clearedGroup.problemField()).isEqualTo("groupId");
    delete(id);
  }

  private JsonNode events(long number) {
    return agent.get("/api/tickets/" + number + "/events").body();
  }

  private long groupOf(long number) {
    return app.getBean(DSLContext.class)
        .select(TICKETS.GROUP_ID)
        .from(TICKETS)
        .where(TICKETS.NUMBER.eq(number))
        .fetchOne(TICKETS.GROUP_ID);
  }

  private static List<String> kinds(JsonNode events) {
    return events.valueStream().map(event -> event.get("kind").asString()).toList();
  }

  @Test
  void routesMailToARecipientThroughTheRealSyncPath() {
    String address = "routed-" + unique + "@tempodesk.demo";
    Map<String, Object> byAddress = rule("Routed address " + unique);
    byAddress.put("recipient", address);
    byAddress.put("setPriority", "URGENT");
    byAddress.put("addTags", List.of("Billing Issue"));
    long id = created(byAddress);

    Response test =
        agent.post(
            PATH + "/test",
            json(Map.of("recipients", List.of("Someone <" + address.toUpperCase() + ">"))));
    assertThat(test.status()).as(test.body().toString()).isEqualTo(200);
    assertThat(test.body().get("rule").get("id").asLong()).isEqualTo(id);
    assertThat(agent.post(PATH + "/test", json(Map.of("subject", "x"))).body().get("rule").isNull())
        .isTrue();

    Response simulated =
        agent.post(
            "/api/dev/inbound-email",
            json(
                Map.of(
                    "fromEmail", "zoe-" + unique + "@customer.example",
                    "to", "Billing <" + address.toUpperCase() + ">",
                    "subject", "Invoice " + unique,
                    "body", "<p>Please check</p>")));
    assertThat(simulated.status()).as(simulated.body().toString()).isEqualTo(202);
    Response plain =
        agent.post(
            "/api/dev/inbound-email",
            json(
                Map.of(
                    "fromEmail", "zoe-" + unique + "@customer.example",
                    "subject", "Other " + unique,
                    "body", "To the support address")));
    assertThat(plain.status()).isEqualTo(202);
    await(() -> agent.get("/api/tickets?text=" + unique).body().get("items").size() == 2);

    JsonNode routed = ticket("Invoice " + unique);
    long number = routed.get("number").asLong();
    assertThat(routed.get("priority").asString()).isEqualTo("URGENT");
    assertThat(routed.get("tags").valueStream().map(JsonNode::asString))
        .containsExactly("billing-issue");
    assertThat(groupOf(number)).isEqualTo(group);
    JsonNode events = events(number);
    assertThat(kinds(events)).startsWith("CREATED", "ROUTED");
    JsonNode event = events.get(1);
    assertThat(event.get("comment").asString())
        .isEqualTo("Rule \"Routed address " + unique + "\" matched recipient " + address);
    assertThat(event.get("changes").toString())
        .contains("\"to\":\"Billing " + unique + " (#" + group + ")\"")
        .contains("\"from\":\"NORMAL\",\"to\":\"URGENT\"")
        .contains("billing-issue");

    long other = ticket("Other " + unique).get("number").asLong();
    assertThat(kinds(events(other))).doesNotContain("ROUTED");
    assertThat(groupOf(other)).as("no rule: the default group").isNotEqualTo(group);
    delete(id);
  }

  private JsonNode ticket(String subject) {
    return agent
        .get("/api/tickets?text=" + unique)
        .body()
        .get("items")
        .valueStream()
        .filter(ticket -> ticket.get("subject").asString().equals(subject))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void routesTicketsOpenedByAgentsAndInThePortalByKeywordAndChannel() {
    String word = "kw" + unique;
    Map<String, Object> byAgent = rule("Phone keyword " + unique);
    byAgent.put("keywords", List.of("Straße " + word));
    byAgent.put("channel", "PHONE");
    byAgent.put("addTags", List.of("phone"));
    long phoneRule = created(byAgent);
    Map<String, Object> byPortal = rule("Portal keyword " + unique);
    byPortal.put("keywords", List.of(word));
    byPortal.put("channel", "PORTAL");
    byPortal.put("setPriority", "LOW");
    long portalRule = created(byPortal);

    Response phone =
        agent.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", "Call " + unique,
                    "description", "Lives on STRASSE " + word.toUpperCase() + ".",
                    "channel", "PHONE",
                    "reporterEmail", "caller-" + unique + "@customer.example")));
    assertThat(phone.status()).as(phone.body().toString()).isEqualTo(201);
    long phoneTicket = phone.body().get("number").asLong();
    assertThat(groupOf(phoneTicket)).isEqualTo(group);
    assertThat(phone.body().get("tags").valueStream().map(JsonNode::asString))
        .containsExactly("phone");
    assertThat(events(phoneTicket).get(1).get("comment").asString())
        .isEqualTo(
            "Rule \"Phone keyword "
                + unique
                + "\" matched keyword \"Straße "
                + word
                + "\", channel PHONE");

    Response notAWord =
        agent.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", "Call again " + unique,
                    "description", "Straße " + word + "s",
                    "channel", "PHONE",
                    "reporterEmail", "caller-" + unique + "@customer.example")));
    assertThat(notAWord.status()).isEqualTo(201);
    assertThat(groupOf(notAWord.body().get("number").asLong())).isNotEqualTo(group);

    HttpApi customer = TestAccounts.signIn(port, accounts.customer(null).getEmail());
    Response portal =
        customer.post(
            "/api/portal/tickets",
            json(Map.of("subject", "Help with " + word, "description", "Please.")));
    assertThat(portal.status()).as(portal.body().toString()).isEqualTo(201);
    long portalTicket = portal.body().get("ticket").get("number").asLong();
    assertThat(groupOf(portalTicket)).isEqualTo(group);
    JsonNode portalEvents = events(portalTicket);
    assertThat(kinds(portalEvents)).startsWith("CREATED", "ROUTED");
    assertThat(portalEvents.get(1).get("comment").asString()).contains("Portal keyword " + unique);
    assertThat(agent.get("/api/tickets/" + portalTicket).body().get("priority").asString())
        .isEqualTo("LOW");
    delete(phoneRule);
    delete(portalRule);
  }
}
