package dev.tempodesk.api.reply;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultKind;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
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
 * Replies, notes and acknowledgements over HTTP, with the mailbox sync running against the fake
 * Nylas and a real Postgres: what the customer receives, what comes back, what is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The mailbox sync keeps polling this class's fake Nylas; stop it with the class.
@DirtiesContext
class ReplyApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String GRANT = "grant-replies";
  private static final String ADDRESS = "support@replies.example";
  private static final FakeNylasServer NYLAS =
      FakeNylasServer.start("replies-key", "replies-client", FaultPlan.none());

  static {
    NYLAS.addGrant(GRANT, ADDRESS);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("tempodesk.nylas.api-uri", NYLAS::baseUrl);
    registry.add("tempodesk.nylas.api-key", () -> "replies-key");
    registry.add("tempodesk.nylas.grant-id", () -> GRANT);
    registry.add("tempodesk.mail.poll-interval", () -> "PT0.5S");
  }

  @AfterAll
  static void stopNylas() {
    NYLAS.close();
  }

  @LocalServerPort int port;
  @Autowired DSLContext dsl;
  @Autowired ApplicationContext app;
  @Autowired AgentRepository agents;

  private TestAccounts accounts;
  private HttpApi api;
  private String unique;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    api = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldAcknowledgeAnEmailTicketSendTheReplyInItsThreadAndAttachTheCustomersAnswer() {
    String dana = "dana-" + unique + "@client.example";
    FakeMessage question =
        NYLAS.receive(GRANT, InboundEmail.of("Dana", dana, "Printer jam " + unique, "It jams."));
    long number = awaitTicketOfThread(question.threadId());

    FakeMessage acknowledgement = awaitSent("[#" + number + "]", 1).getFirst();
    assertThat(acknowledgement.subject()).isEqualTo("Re: [#" + number + "] Printer jam " + unique);
    assertThat(acknowledgement.threadId()).isEqualTo(question.threadId());
    assertThat(acknowledgement.header("In-Reply-To")).isEqualTo(question.messageIdHeader());
    assertThat(acknowledgement.header("Auto-Submitted")).isEqualTo("auto-replied");
    assertThat(acknowledgement.to())
        .extracting(FakeMessage.Participant::email)
        .containsExactly(dana);

    Response replied =
        api.post(
            "/api/tickets/" + number + "/replies",
            json(Map.of("body", "Please restart it.", "cc", List.of("boss@client.example"))));
    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
    String replyId = replied.body().get("message").get("id").asString();
    assertThat(replied.body().get("message").get("deliveryStatus").asString())
        .isIn("QUEUED", "SENT");
    assertThat(replied.body().get("ticket").get("firstResponseAt").isNull()).isFalse();

    JsonNode sentRow = awaitMessage(number, replyId, "SENT");
    FakeMessage reply = awaitSent("[#" + number + "]", 2).getLast();
    assertThat(reply.subject()).isEqualTo("Re: [#" + number + "] Printer jam " + unique);
    assertThat(reply.threadId()).isEqualTo(question.threadId());
    assertThat(reply.header("Auto-Submitted")).as("a person wrote it").isNull();
    assertThat(reply.cc())
        .extracting(FakeMessage.Participant::email)
        .containsExactly("boss@client.example");
    assertThat(sentRow.get("toAddresses").asString()).isEqualTo(dana);

    FakeMessage answer =
        NYLAS.receive(
            GRANT,
            InboundEmail.replyTo(reply.id(), "Dana", dana, "Re: " + reply.subject(), "Still jams"));
    await(() -> ticketOfProviderMessage(answer.id()) != null);
    assertThat(ticketOfProviderMessage(answer.id())).isEqualTo(number);

    // The sync lists the two sent copies too: matched to their rows, never stored again.
    await(() -> outboundCopies(number) == 2);
    List<String> thread =
        api.get("/api/tickets/" + number + "/messages")
            .body()
            .valueStream()
            .map(message -> message.get("direction").asString())
            .toList();
    // Mail dates have whole seconds, so the order within one second is not fixed.
    assertThat(thread).containsExactlyInAnyOrder("INBOUND", "OUTBOUND", "OUTBOUND", "INBOUND");
  }

  @Test
  void shouldSendOnceWhenAnswersAreLostAndTheSendActivityIsRetried() {
    long number = createPhoneTicket("Router down " + unique, null);
    long lostBefore = NYLAS.faults().count(FaultKind.LOST_SEND_ANSWER);
    // The fake sends, then answers 504, and keeps that 504 for the key as Nylas does: the activity
    // fails, and its retry finds the mail in the sent mail instead of sending it again.
    NYLAS.faults().loseNextSendAnswers(1, 504);

    String replyId = reply(number, "Which model is it?");

    awaitMessage(number, replyId, "SENT");
    assertThat(NYLAS.faults().count(FaultKind.LOST_SEND_ANSWER) - lostBefore).isEqualTo(1);
    assertThat(sentWithSubject("[#" + number + "]")).hasSize(1);
  }

  @Test
  void shouldMarkAPermanentlyRefusedReplyFailedAndNotifyTheAgent() {
    AgentsRecord alice = accounts.agent("AGENT");
    String nobody = "nobody-" + unique + "@client.example";
    NYLAS.rejectSendsTo(nobody, 400);
    long number = createPhoneTicket("Unreachable " + unique, alice.getId(), nobody);
    api = TestAccounts.signIn(port, alice.getEmail()); // her own reply: she hears of its failure

    String replyId = reply(number, "Hello?");

    JsonNode failed = awaitMessage(number, replyId, "FAILED");
    assertThat(failed.get("deliveryError").asString()).contains("400");
    assertThat(sentWithSubject("[#" + number + "]")).isEmpty();
    assertThat(
            dsl.fetchCount(
                NOTIFICATIONS,
                NOTIFICATIONS
                    .RECIPIENT_ID
                    .eq(alice.getId())
                    .and(NOTIFICATIONS.CHANNEL.eq("IN_APP"))
                    .and(NOTIFICATIONS.DEDUPE_KEY.startsWith("reply-failed:" + replyId + ":"))))
        .isEqualTo(1);
    assertThat(eventKinds(number)).contains("REPLIED", "REPLY_FAILED");
  }

  @Test
  void shouldSendAFailedReplyAgainUnderAFreshKeyOnceTheCauseIsGone() {
    String dora = "dora-" + unique + "@client.example";
    NYLAS.rejectSendsTo(dora, 422); // the provider refuses; Nylas keeps that answer for the key
    long number = createPhoneTicket("Quota " + unique, null, dora);
    String replyId = reply(number, "Your quota is raised.");
    JsonNode failed = awaitMessage(number, replyId, "FAILED");
    assertThat(failed.get("deliveryError").asString()).contains("422");

    NYLAS.acceptSendsTo(dora); // fixed at the provider; the agent presses "Send again"
    Response resend = api.post("/api/tickets/" + number + "/replies/" + replyId + "/retry", "");

    assertThat(resend.status()).as(resend.body().toString()).isLessThan(300);
    awaitMessage(number, replyId, "SENT");
    assertThat(sentWithSubject("[#" + number + "]")).hasSize(1);
  }

  @Test
  void shouldStartTheThreadOfAPhoneTicketAndAttachTheCustomersAnswerToIt() {
    String erin = "erin-" + unique + "@client.example";
    long number = createPhoneTicket("New laptop " + unique, null, erin);

    String replyId = reply(number, "Your laptop ships tomorrow.");
    awaitMessage(number, replyId, "SENT");
    FakeMessage first = sentWithSubject("[#" + number + "]").getFirst();
    assertThat(first.subject()).isEqualTo("[#" + number + "] New laptop " + unique);
    assertThat(first.header("In-Reply-To")).as("a new thread").isNull();
    assertThat(dsl.fetchValue(TICKETS.THREAD_ID, TICKETS.NUMBER.eq(number)))
        .isEqualTo(first.threadId());

    FakeMessage answer =
        NYLAS.receive(
            GRANT, InboundEmail.replyTo(first.id(), "Erin", erin, "Re: " + first.subject(), "Thx"));

    await(() -> ticketOfProviderMessage(answer.id()) != null);
    assertThat(ticketOfProviderMessage(answer.id())).isEqualTo(number);
  }

  @Test
  void shouldStoreAndMailAnHtmlReplySanitizedWithItsBlindCopies() {
    long number = createPhoneTicket("Formatted " + unique, null);
    Map<String, Object> body = new HashMap<>();
    body.put(
        "body",
        "<p onmouseover=\"x()\"><strong>Restart</strong> it</p><script>steal()</script>"
            + "<ol><li><p>Open <a href=\"javascript:alert(1)\">this</a></p></li>"
            + "<li><p>See <a href=\"https://help.example/r\">the guide</a></p></li></ol>"
            + "<iframe src=\"https://evil.example\"></iframe>");
    body.put("bodyFormat", "HTML");
    body.put("cc", List.of("boss@client.example"));
    body.put("bcc", List.of("\"Audit, Team\" <audit@client.example>"));

    Response replied = api.post("/api/tickets/" + number + "/replies", json(body));
    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
    String replyId = replied.body().get("message").get("id").asString();

    String clean =
        "<p><strong>Restart</strong> it</p><ol><li><p>Open <a rel=\"noopener noreferrer"
            + " nofollow\">this</a></p></li><li><p>See <a href=\"https://help.example/r\""
            + " rel=\"noopener noreferrer nofollow\">the guide</a></p></li></ol>";
    JsonNode stored = awaitMessage(number, replyId, "SENT");
    assertThat(stored.get("bodyHtml").asString()).isEqualTo(clean);
    assertThat(stored.get("bodyText").asString())
        .isEqualTo("Restart it\n\n1. Open this\n2. See the guide <https://help.example/r>");
    assertThat(stored.get("bccAddresses").asString())
        .as("agents see the blind copies")
        .isEqualTo("\"Audit, Team\" <audit@client.example>");

    FakeMessage mailed = sentWithSubject("[#" + number + "]").getLast();
    assertThat(mailed.body()).isEqualTo(clean);
    assertThat(mailed.cc())
        .extracting(FakeMessage.Participant::email)
        .containsExactly("boss@client.example");
    assertThat(mailed.bcc())
        .containsExactly(new FakeMessage.Participant("Audit, Team", "audit@client.example"));

    Response badBcc =
        api.post(
            "/api/tickets/" + number + "/replies",
            json(Map.of("body", "Hi", "bcc", List.of("not an address"))));
    assertThat(badBcc.status()).as(badBcc.body().toString()).isIn(400, 422);
    assertThat(badBcc.problemField()).isEqualTo("bcc[0]");
    Response onlyScript =
        api.post(
            "/api/tickets/" + number + "/replies",
            json(Map.of("body", "<script>alert(1)</script>", "bodyFormat", "HTML")));
    assertThat(onlyScript.status()).as(onlyScript.body().toString()).isEqualTo(422);
    assertThat(onlyScript.problemField()).isEqualTo("body");
    Response note =
        api.post(
            "/api/tickets/" + number + "/notes",
            json(Map.of("body", "<em>VIP</em><img src=x onerror=alert(1)>", "bodyFormat", "HTML")));
    assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
    assertThat(note.body().get("bodyHtml").asString()).isEqualTo("<em>VIP</em><img>");
    assertThat(note.body().get("bodyText").asString()).isEqualTo("VIP[image]");
  }

  @Test
  void shouldKeepNotesInternalAndRejectBadRepliesNamingTheField() {
    long number = createPhoneTicket("Notes " + unique, null);

    Response note =
        api.post("/api/tickets/" + number + "/notes", json(Map.of("body", "VIP customer")));
    Response blank = api.post("/api/tickets/" + number + "/replies", json(Map.of("body", " ")));
    Response noComment =
        api.post(
            "/api/tickets/" + number + "/replies",
            json(Map.of("body", "Hi", "setStatus", Map.of("status", "PENDING"))));
    Response noDuration =
        api.post(
            "/api/tickets/" + number + "/replies",
            json(
                Map.of(
                    "body",
                    "Hi",
                    "setStatus",
                    Map.of("status", "PENDING", "pendingReason", "CUSTOMER", "comment", "wait"))));
    Response unknownTicket = api.post("/api/tickets/999999/notes", json(Map.of("body", "x")));

    assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
    assertThat(note.body().get("visibility").asString()).isEqualTo("INTERNAL");
    assertThat(note.body().get("deliveryStatus").asString()).isEqualTo("NOT_SENT");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.problemField()).isEqualTo("body");
    assertThat(noComment.status()).isEqualTo(400);
    assertThat(noComment.problemField()).isEqualTo("setStatus.comment");
    assertThat(noDuration.status()).as(noDuration.body().toString()).isEqualTo(422);
    assertThat(noDuration.problemField()).isEqualTo("setStatus.pendingFor");
    assertThat(unknownTicket.status()).isEqualTo(404);
    assertThat(eventKinds(number)).containsExactly("CREATED", "NOTE_ADDED");
    assertThat(sentWithSubject("[#" + number + "]")).isEmpty();
    assertThat(api.get("/api/tickets/" + number).body().get("firstResponseAt").isNull()).isTrue();
  }

  @Test
  void shouldSetTheStatusWithTheReplyAndRefuseToResendASentReply() {
    AgentsRecord bob = agents.insert("bob-" + unique + "@example.com", "Bob " + unique, "AGENT", 3);
    long number = createPhoneTicket("Logs " + unique, bob.getId());

    Response replied =
        api.post(
            "/api/tickets/" + number + "/replies",
            json(
                Map.of(
                    "body",
                    "Please send the logs.",
                    "setStatus",
                    Map.of(
                        "status",
                        "PENDING",
                        "pendingReason",
                        "CUSTOMER",
                        "pendingFor",
                        "P2D",
                        "comment",
                        "waiting for logs"))));
    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
    String replyId = replied.body().get("message").get("id").asString();
    awaitMessage(number, replyId, "SENT");
    Response resend = api.post("/api/tickets/" + number + "/replies/" + replyId + "/retry", "");

    assertThat(replied.body().get("ticket").get("status").asString()).isEqualTo("PENDING");
    assertThat(resend.status()).isEqualTo(409);
    assertThat(sentWithSubject("[#" + number + "]")).hasSize(1);
  }

  private long createPhoneTicket(String subject, Long assigneeId) {
    return createPhoneTicket(subject, assigneeId, "carl-" + unique + "@client.example");
  }

  private long createPhoneTicket(String subject, Long assigneeId, String reporterEmail) {
    Map<String, Object> body = new HashMap<>();
    body.put("subject", subject);
    body.put("description", "Called in.");
    body.put("reporterEmail", reporterEmail);
    body.put("reporterName", "Caller " + unique);
    if (assigneeId != null) {
      body.put("assigneeId", assigneeId);
    }
    Response created = api.post("/api/tickets", json(body));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private String reply(long number, String text) {
    Response replied = api.post("/api/tickets/" + number + "/replies", json(Map.of("body", text)));
    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
    return replied.body().get("message").get("id").asString();
  }

  private JsonNode awaitMessage(long number, String id, String status) {
    await(() -> status.equals(message(number, id).path("deliveryStatus").asString("")));
    return message(number, id);
  }

  private JsonNode message(long number, String id) {
    return api.get("/api/tickets/" + number + "/messages")
        .body()
        .valueStream()
        .filter(message -> message.get("id").asString().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private long awaitTicketOfThread(String threadId) {
    await(() -> dsl.fetchExists(TICKETS, TICKETS.THREAD_ID.eq(threadId)));
    return dsl.fetchValue(TICKETS.NUMBER, TICKETS.THREAD_ID.eq(threadId));
  }

  private Long ticketOfProviderMessage(String providerId) {
    return dsl.fetchValue(
        MESSAGES.TICKET_NUMBER,
        MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId).and(MESSAGES.DIRECTION.eq("INBOUND")));
  }

  private int outboundCopies(long number) {
    return dsl.fetchCount(
        SKIPPED_MESSAGES.join(MESSAGES).on(MESSAGES.ID.eq(SKIPPED_MESSAGES.MATCHED_MESSAGE_ID)),
        SKIPPED_MESSAGES.REASON.eq("OUTBOUND_COPY").and(MESSAGES.TICKET_NUMBER.eq(number)));
  }

  private List<FakeMessage> awaitSent(String subjectPart, int count) {
    await(() -> sentWithSubject(subjectPart).size() >= count);
    return sentWithSubject(subjectPart);
  }

  private static List<FakeMessage> sentWithSubject(String subjectPart) {
    return NYLAS.sent(GRANT).stream().filter(m -> m.subject().contains(subjectPart)).toList();
  }

  private List<String> eventKinds(long number) {
    return api.get("/api/tickets/" + number + "/events")
        .body()
        .valueStream()
        .map(event -> event.get("kind").asString())
        .toList();
  }
}
