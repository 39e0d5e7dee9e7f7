package dev.tempodesk.api.embedded;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.PORTAL_INVITATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Merging two contacts of one person and inviting a contact to the portal, over HTTP, with the demo
 * mailbox (the real Nylas client and sync path against the fake): tickets (live through their
 * workflow, closed-for-good in the read model), addresses, organization and password move to the
 * survivor, and mail from the merged address afterwards is the survivor's; the invitation mail
 * reaches the fake Nylas with a link that works once, until it expires.
 */
class ContactMergeAndInvitationTest {
  private static final String PASSWORD = "old secret pass";
  private static final Pattern LINK = Pattern.compile("/portal/invitation/([A-Za-z0-9_-]+)");

  private static DemoMailbox mailbox;
  private static ConfigurableApplicationContext app;
  private static int port;
  private static HttpApi manager;
  private String unique;

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
    manager = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
  }

  @AfterAll
  static void stop() {
    app.close();
    mailbox.close();
  }

  @BeforeEach
  void name() {
    unique = UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonNode contact(String local, String name, Long organizationId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("email", local + "-" + unique + "@merge.example");
    body.put("displayName", name);
    body.put("organizationId", organizationId);
    Response created = manager.post("/api/contacts", json(body));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body();
  }

  private long organization(String name) {
    Response created =
        manager.post("/api/organizations", json(Map.of("name", name + " " + unique)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private long ticket(long reporterId, String subject) {
    Response created =
        manager.post(
            "/api/tickets",
            json(Map.of("subject", subject, "description", "It broke.", "reporterId", reporterId)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private Response merge(HttpApi api, long survivor, Object other) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("contactId", other);
    return api.post("/api/contacts/" + survivor + "/merge", json(body));
  }

  private static JsonNode latestMerge(long survivor) {
    return manager.get("/api/contacts/" + survivor + "/merges").body().get(0);
  }

  private static List<JsonNode> reporterChanges(long number) {
    return manager
        .get("/api/tickets/" + number + "/events")
        .body()
        .valueStream()
        .filter(
            event ->
                event
                    .get("changes")
                    .valueStream()
                    .anyMatch(change -> change.get("field").asString().equals("reporter")))
        .toList();
  }

  @Test
  void shouldMoveLiveAndClosedTicketsAddressesAndPasswordToTheSurvivor() {
    long acme = organization("Acme");
    JsonNode old = contact("c", "Carla Old", acme);
    JsonNode carla = contact("carla", "Carla", null);
    long oldId = old.get("id").asLong();
    long carlaId = carla.get("id").asLong();
    String oldEmail = old.get("email").asString();
    Response opened =
        manager.put(
            "/api/contacts/" + oldId + "/portal-access",
            json(Map.of("enabled", true, "password", PASSWORD)));
    assertThat(opened.status()).isEqualTo(200);
    HttpApi oldSession = HttpApi.signedInAs(port, oldEmail, PASSWORD);
    long live = ticket(oldId, "Printer " + unique);
    long closed = ticket(oldId, "Old VPN " + unique);
    Response closing =
        manager.patch(
            "/api/tickets/" + closed, json(Map.of("status", "CLOSED", "comment", "Solved")));
    assertThat(closing.status()).as(closing.body().toString()).isEqualTo(200);
    WorkflowClient temporal = app.getBean(WorkflowClient.class);
    // As if its reopen window had passed: the ticket stays, its workflow has ended.
    temporal.newUntypedWorkflowStub(TicketWorkflow.workflowId(closed)).terminate("test");

    Response started = merge(manager, carlaId, oldId);

    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    assertThat(started.body().get("ticketsTotal").asInt()).isEqualTo(2);
    await(() -> latestMerge(carlaId).get("status").asString().equals("DONE"));
    assertThat(latestMerge(carlaId).get("ticketsLeft").asInt()).isZero();
    String comment =
        "Merged contact Carla Old <%s> into Carla <%s>"
            .formatted(oldEmail, carla.get("email").asString());
    for (long number : List.of(live, closed)) {
      assertThat(manager.get("/api/tickets/" + number).body().get("reporterId").asLong())
          .as("ticket #%d in the read model", number)
          .isEqualTo(carlaId);
      List<JsonNode> changes = reporterChanges(number);
      assertThat(changes).as("ticket #%d's audit trail", number).hasSize(1);
      assertThat(changes.getFirst().get("comment").asString()).isEqualTo(comment);
      assertThat(changes.getFirst().get("actorKind").asString()).isEqualTo("AGENT");
      assertThat(changes.getFirst().get("changes").get(0).get("to").asString())
          .isEqualTo("#" + carlaId);
    }
    assertThat(
            temporal
                .newWorkflowStub(TicketWorkflow.class, TicketWorkflow.workflowId(live))
                .current()
                .reporterId)
        .as("the live ticket's workflow state")
        .isEqualTo(carlaId);

    // The merged contact is gone; the survivor took its organization and its password.
    Response gone = manager.get("/api/contacts/" + oldId);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body().get("detail").asString()).contains("merged into contact #" + carlaId);
    assertThat(
            manager
                .get("/api/contacts?text=" + unique)
                .body()
                .valueStream()
                .map(c -> c.get("id").asLong()))
        .containsExactly(carlaId);
    JsonNode survivor = manager.get("/api/contacts/" + carlaId).body();
    assertThat(survivor.get("organizationId").asLong()).isEqualTo(acme);
    assertThat(survivor.get("canSignIn").asBoolean()).isTrue();
    assertThat(oldSession.get("/api/portal/tickets").status())
        .as("the merged contact's session ended")
        .isEqualTo(401);
    HttpApi viaOldAddress = HttpApi.signedInAs(port, oldEmail, PASSWORD);
    assertThat(viaOldAddress.get("/api/auth/me").body().get("id").asLong()).isEqualTo(carlaId);
    assertThat(viaOldAddress.get("/api/portal/tickets").body().toString())
        .contains("Printer " + unique, "Old VPN " + unique);

    // Mail from the merged address afterwards is the survivor's.
    String word = "after" + unique;
    Response mailed =
        manager.post(
            "/api/dev/inbound-email",
            json(Map.of("fromEmail", oldEmail, "subject", "Toner " + word, "body", "Empty.")));
    assertThat(mailed.status()).isEqualTo(202);
    await(() -> manager.get("/api/tickets?text=" + word).body().get("items").size() == 1);
    JsonNode fresh = manager.get("/api/tickets?text=" + word).body().get("items").get(0);
    assertThat(fresh.get("reporterId").asLong()).isEqualTo(carlaId);

    // Asking again answers the finished merge; merging the gone contact elsewhere is refused.
    assertThat(merge(manager, carlaId, oldId).body().get("status").asString()).isEqualTo("DONE");
    JsonNode other = contact("someone", "Someone", null);
    Response elsewhere = merge(manager, other.get("id").asLong(), oldId);
    assertThat(elsewhere.status()).isEqualTo(409);
    assertThat(elsewhere.problemField()).isEqualTo("contactId");
  }

  @Test
  void shouldMergeContactsOfTwoOrganizationsKeepingTheSurvivorsOne() {
    long acme = organization("Acme");
    long globex = organization("Globex");
    long gina = contact("gina", "Gina", acme).get("id").asLong();
    long ginaAtGlobex = contact("gina-g", "Gina G", globex).get("id").asLong();

    Response started = merge(manager, gina, ginaAtGlobex);

    assertThat(started.status()).isEqualTo(202);
    await(() -> latestMerge(gina).get("status").asString().equals("DONE"));
    assertThat(manager.get("/api/contacts/" + gina).body().get("organizationId").asLong())
        .isEqualTo(acme);
  }

  @Test
  void shouldRefuseMergingIntoItselfAnUnknownContactAndAgents() {
    long carla = contact("carla", "Carla", null).get("id").asLong();
    long other = contact("other", "Other", null).get("id").asLong();
    HttpApi agent = TestAccounts.signIn(port, TestAccounts.of(app).agent("AGENT").getEmail());

    Response itself = merge(manager, carla, carla);
    Response unknown = merge(manager, carla, 999_999);
    Response missing = merge(manager, carla, null);
    Response unknownSurvivor = merge(manager, 999_999, other);
    Response byAgent = merge(agent, carla, other);

    assertThat(itself.status()).isEqualTo(422);
    assertThat(itself.problemField()).isEqualTo("contactId");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.problemField()).isEqualTo("contactId");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.problemField()).isEqualTo("contactId");
    assertThat(unknownSurvivor.status()).isEqualTo(404);
    assertThat(byAgent.status()).isEqualTo(403);
    assertThat(manager.get("/api/contacts/" + other).status()).isEqualTo(200);
  }

  private String mailedToken(String email) {
    await(() -> invitationsTo(email).size() == 1);
    return tokenIn(invitationsTo(email).getFirst());
  }

  private static List<FakeMessage> invitationsTo(String email) {
    return mailbox.server().sent(DemoMailbox.GRANT_ID).stream()
        .filter(message -> message.to().stream().anyMatch(to -> to.email().equals(email)))
        .toList();
  }

  private static String tokenIn(FakeMessage message) {
    Matcher link = LINK.matcher(message.body());
    assertThat(link.find()).as(message.body()).isTrue();
    return link.group(1);
  }

  @Test
  void shouldMailAnInvitationWhoseLinkSetsThePasswordAndSignsInOnce() {
    JsonNode dora = contact("dora", "Dora", null);
    long id = dora.get("id").asLong();
    String email = dora.get("email").asString();

    Response sent = manager.post("/api/contacts/" + id + "/portal-invitation", "");

    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
    String token = mailedToken(email);
    FakeMessage mail = invitationsTo(email).getFirst();
    assertThat(mail.body()).contains("http://localhost:8080/portal/invitation/" + token);
    HttpApi browser = HttpApi.anonymous(port);
    JsonNode invitation = browser.get("/api/auth/invitations/" + token).body();
    assertThat(invitation.get("email").asString()).isEqualTo(email);

    Response weak = browser.post("/api/auth/invitations/" + token, json(Map.of("password", "x")));
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.problemField()).isEqualTo("password");
    Response accepted =
        browser.post("/api/auth/invitations/" + token, json(Map.of("password", "dora's password")));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
    assertThat(accepted.body().get("id").asLong()).isEqualTo(id);
    assertThat(browser.get("/api/portal/tickets").status()).as("signed in").isEqualTo(200);
    assertThat(HttpApi.signedInAs(port, email, "dora's password").get("/api/auth/me").status())
        .isEqualTo(200);

    Response again =
        HttpApi.anonymous(port)
            .post("/api/auth/invitations/" + token, json(Map.of("password", "another password")));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemField()).isEqualTo("token");
    assertThat(again.body().get("detail").asString()).contains("used already");
    Response unknown = HttpApi.anonymous(port).get("/api/auth/invitations/not-a-token");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.problemField()).isEqualTo("token");
    JsonNode state = manager.get("/api/contacts/" + id + "/portal-invitations").body().get(0);
    assertThat(state.get("acceptedAt").isNull()).isFalse();
    assertThat(state.has("token")).isFalse();
  }

  @Test
  void shouldRefuseAnExpiredOrReplacedInvitation() {
    JsonNode erin = contact("erin", "Erin", null);
    long id = erin.get("id").asLong();
    String email = erin.get("email").asString();
    manager.post("/api/contacts/" + id + "/portal-invitation", "");
    String first = mailedToken(email);
    manager.post("/api/contacts/" + id + "/portal-invitation", "");
    await(() -> invitationsTo(email).size() == 2);
    String second = tokenIn(invitationsTo(email).getLast());
    app.getBean(DSLContext.class)
        .update(PORTAL_INVITATIONS)
        .set(PORTAL_INVITATIONS.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
        .where(PORTAL_INVITATIONS.CONTACT_ID.eq(id), PORTAL_INVITATIONS.REPLACED_AT.isNull())
        .execute();

    Response replaced = HttpApi.anonymous(port).get("/api/auth/invitations/" + first);
    Response expired =
        HttpApi.anonymous(port)
            .post("/api/auth/invitations/" + second, json(Map.of("password", "erin's password")));

    assertThat(replaced.status()).isEqualTo(409);
    assertThat(replaced.body().get("detail").asString()).contains("newer invitation");
    assertThat(expired.status()).isEqualTo(409);
    assertThat(expired.body().get("detail").asString()).contains("expired");
    assertThat(manager.get("/api/contacts/" + id).body().get("canSignIn").asBoolean()).isFalse();
  }
}
