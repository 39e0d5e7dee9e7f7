package dev.tempodesk.api.signature;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Signatures over HTTP against the fake Nylas (it keeps what was sent) and a real Postgres: what
 * replies, notes and macro replies carry, and what the signature endpoints refuse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext // the mailbox sync keeps polling this class's fake Nylas
class SignatureApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String GRANT = "grant-signatures";
  private static final String ADDRESS = "support@signatures.example";
  private static final FakeNylasServer NYLAS =
      FakeNylasServer.start("signatures-key", "signatures-client", FaultPlan.none());

  static {
    NYLAS.addGrant(GRANT, ADDRESS);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("tempodesk.nylas.api-uri", NYLAS::baseUrl);
    registry.add("tempodesk.nylas.api-key", () -> "signatures-key");
    registry.add("tempodesk.nylas.grant-id", () -> GRANT);
    registry.add("tempodesk.mail.poll-interval", () -> "PT0.5S");
  }

  @AfterAll
  static void stopNylas() {
    NYLAS.close();
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  private TestAccounts accounts;
  private HttpApi admin;
  private AgentsRecord alice;
  private HttpApi agent;
  private String unique;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    alice = accounts.agent("AGENT");
    agent = TestAccounts.signIn(port, alice.getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldAppendTheAgentsSignatureThenTheMailboxFooterToRepliesWithPlaceholdersFilled() {
    long mailbox = mailboxId();
    ok(
        admin.put(
            "/api/mailboxes/" + mailbox + "/signature",
            json(Map.of("html", "<b>Acme Support</b> | {{mailbox.email}}"))));
    ok(
        agent.put(
            "/api/me/signature",
            json(
                Map.of(
                    "html",
                    "Cheers,\n{{agent.name}} <{{agent.email}}>\nTicket {{ticket.number}} for {{customer.name}}"))));
    long number = createPhoneTicket("Printer " + unique, "Dana & Co");

    String replyId = reply(number, Map.of("body", "Please restart it."));

    String sent = awaitSent(number, replyId);
    String stored = message(number, replyId).get("bodyText").asString();
    assertThat(stored)
        .isEqualTo(
            "Please restart it.\n\nCheers,\n"
                + alice.getDisplayName()
                + " <"
                + alice.getEmail()
                + ">\nTicket "
                + number
                + " for Dana & Co\n\nAcme Support | "
                + ADDRESS);
    assertThat(sent).as("what is stored is what is sent").contains("Please restart it.");
    assertThat(sent)
        .contains("Cheers,")
        .contains("Ticket " + number + " for Dana & Co")
        .contains("Acme Support | " + ADDRESS);
    assertThat(sent.indexOf("Cheers,")).isLessThan(sent.indexOf("Acme Support"));
  }

  @Test
  void shouldAppendHtmlSignaturesToHtmlRepliesWithValuesEscaped() {
    long mailbox = mailboxId();
    ok(
        admin.put(
            "/api/mailboxes/" + mailbox + "/signature",
            json(Map.of("html", "<i>Acme</i> footer"))));
    ok(agent.put("/api/me/signature", json(Map.of("html", "<b>{{customer.name}}</b>'s helper"))));
    long number = createPhoneTicket("Html " + unique, "Eve <b>x</b>");

    String replyId = reply(number, Map.of("body", "<p>Hello</p>", "bodyFormat", "HTML"));

    awaitSent(number, replyId);
    String html = message(number, replyId).get("bodyHtml").asString();
    assertThat(html)
        .startsWith("<p>Hello</p>")
        .contains("<b>Eve &lt;b&gt;x&lt;/b&gt;</b>'s helper")
        .contains("<i>Acme</i> footer")
        .doesNotContain("<b>x</b>");
  }

  @Test
  void shouldLeaveNotesAndRepliesWithoutSignatureAsWritten() {
    ok(agent.put("/api/me/signature", json(Map.of("html", "Sig " + unique))));
    long number = createPhoneTicket("Plain " + unique, "Carl");

    String noted =
        ok(agent.post("/api/tickets/" + number + "/notes", json(Map.of("body", "Internal."))))
            .get("id")
            .asString();
    String replyId = reply(number, Map.of("body", "No signature here.", "signature", false));

    assertThat(message(number, noted).get("bodyText").asString()).isEqualTo("Internal.");
    assertThat(awaitSent(number, replyId)).doesNotContain("Sig " + unique);
    assertThat(message(number, replyId).get("bodyText").asString()).isEqualTo("No signature here.");
  }

  @Test
  void shouldAppendTheSignatureToAMacrosReplyAndPreviewItForTheTicket() {
    ok(agent.put("/api/me/signature", json(Map.of("html", "Macro sig {{ticket.number}}"))));
    long number = createPhoneTicket("Macro " + unique, "Carl");
    long macro =
        ok(agent.post(
                "/api/macros",
                json(
                    Map.of("name", "Thanks " + unique, "replyText", "Thanks, {{customer.name}}."))))
            .get("id")
            .asLong();

    JsonNode preview = ok(agent.get("/api/tickets/" + number + "/signature"));
    JsonNode applied =
        ok(agent.post("/api/tickets/" + number + "/macros/" + macro + "/apply", "{}"));

    assertThat(preview.get("agentText").asString()).isEqualTo("Macro sig " + number);
    String replyId = applied.get("reply").get("id").asString();
    assertThat(awaitSent(number, replyId))
        .contains("Thanks, Carl.")
        .contains("Macro sig " + number);
  }

  @Test
  void shouldSanitizeTheHtmlAndRenderItAsText() {
    JsonNode saved =
        ok(
            agent.put(
                "/api/me/signature",
                json(
                    Map.of(
                        "html",
                        "<script>steal()</script><a href=\"https://acme.example\""
                            + " onclick=\"x()\">Acme</a>\nLine two"))));

    assertThat(saved.get("html").asString())
        .isEqualTo(
            "<a href=\"https://acme.example\" rel=\"noopener noreferrer nofollow\">Acme</a><br>\n"
                + "Line two");
    assertThat(saved.get("text").asString()).isEqualTo("Acme <https://acme.example>\nLine two");
    assertThat(ok(agent.get("/api/me/signature")).get("html").asString())
        .isEqualTo(saved.get("html").asString());
    assertThat(ok(admin.get("/api/agents/" + alice.getId() + "/signature")).get("text").asString())
        .isEqualTo("Acme <https://acme.example>\nLine two");

    ok(agent.put("/api/me/signature", json(Map.of("html", ""))));
    assertThat(ok(agent.get("/api/me/signature")).get("html").asString()).isEmpty();
  }

  @Test
  void shouldRefuseBadSignaturesNamingTheField() {
    Response unknown =
        agent.put("/api/me/signature", json(Map.of("html", "Hi {{customer.shoeSize}}")));
    Response tooLong = agent.put("/api/me/signature", json(Map.of("html", "x".repeat(10_001))));
    Response brokenLines =
        agent.put("/api/me/signature", json(Map.of("html", "a\n".repeat(2_500))));
    Response noAgent = admin.put("/api/agents/" + Long.MAX_VALUE + "/signature", "{}");
    Response noMailbox = admin.get("/api/mailboxes/" + Long.MAX_VALUE + "/signature");
    Response othersSignature =
        agent.put("/api/agents/" + accounts.agent("AGENT").getId() + "/signature", "{}");
    Response footerByAgent = agent.put("/api/mailboxes/" + mailboxId() + "/signature", "{}");

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().toString()).contains("html").contains("{{customer.shoeSize}}");
    assertThat(tooLong.status()).isIn(400, 422);
    assertThat(tooLong.body().toString()).contains("html");
    assertThat(brokenLines.status()).isEqualTo(422);
    assertThat(brokenLines.body().toString()).contains("html");
    assertThat(noAgent.status()).isEqualTo(404);
    assertThat(noMailbox.status()).isEqualTo(404);
    assertThat(othersSignature.status()).isEqualTo(403);
    assertThat(footerByAgent.status()).isEqualTo(403);
  }

  private long mailboxId() {
    await(() -> admin.get("/api/mailboxes").body().size() > 0);
    return admin.get("/api/mailboxes").body().get(0).get("id").asLong();
  }

  private long createPhoneTicket(String subject, String reporterName) {
    Map<String, Object> body = new HashMap<>();
    body.put("subject", subject);
    body.put("description", "Called in.");
    body.put("reporterEmail", "carl-" + UUID.randomUUID() + "@client.example");
    body.put("reporterName", reporterName);
    return ok(admin.post("/api/tickets", json(body))).get("number").asLong();
  }

  private String reply(long number, Map<String, Object> body) {
    Response replied = agent.post("/api/tickets/" + number + "/replies", json(body));
    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
    return replied.body().get("message").get("id").asString();
  }

  /** The body the fake Nylas received for the reply. */
  private String awaitSent(long number, String replyId) {
    await(() -> "SENT".equals(message(number, replyId).path("deliveryStatus").asString("")));
    List<FakeMessage> sent =
        NYLAS.sent(GRANT).stream().filter(m -> m.subject().contains("[#" + number + "]")).toList();
    assertThat(sent).hasSize(1);
    return sent.getFirst().body();
  }

  private JsonNode message(long number, String id) {
    return agent
        .get("/api/tickets/" + number + "/messages")
        .body()
        .valueStream()
        .filter(message -> message.get("id").asString().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode ok(Response response) {
    assertThat(response.status()).as(response.body().toString()).isBetween(200, 299);
    return response.body();
  }
}
