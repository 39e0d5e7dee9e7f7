package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.api.embedded.EmbeddedTemporalServer;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultKind;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Nylas outages against the app as it runs (real-time in-process Temporal, the support inbox
 * configured by grant id): it starts while nothing listens at the Nylas URI, shows the mailbox DOWN
 * with the reason and ingests mail once Nylas is up; a refused grant (401, or a grant.expired
 * webhook) makes it "needs reconnect" until the mailbox is connected again through hosted OAuth,
 * which resumes the same mailbox and cursor; a slow Nylas never makes Temporal start a second pass
 * beside the first. The tests run in order on one app.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NylasOutageIntegrationTest {
  private static final String GRANT = "grant-outage";
  private static final String ADDRESS = "help@outage.example";
  private static final String SECRET = "whsec-outage";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static int nylasPort;
  private static EmbeddedTemporalServer temporal;
  private static ConfigurableApplicationContext app;
  private static FakeNylasServer nylas;
  private static DSLContext dsl;
  private static HttpApi admin;
  private static HttpApi manager;
  private static long mailboxId;
  private static long adminId;

  @BeforeAll
  static void startTheAppWhileNylasIsDown() throws IOException {
    nylasPort = freePort(); // nothing listens here until the first test brings Nylas up
    int temporalPort = freePort();
    temporal = EmbeddedTemporalServer.start(temporalPort);
    app =
        new SpringApplicationBuilder(TempodeskApplication.class)
            .profiles("test")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE.jdbcUrl(),
                "--spring.datasource.username=postgres",
                // real time, so activity retries and heartbeats behave as in production
                "--spring.temporal.test-server.enabled=false",
                "--spring.temporal.connection.target=127.0.0.1:" + temporalPort,
                "--tempodesk.nylas.api-uri=http://127.0.0.1:" + nylasPort,
                "--tempodesk.nylas.api-key=outage-key",
                "--tempodesk.nylas.client-id=outage-client",
                "--tempodesk.nylas.webhook-secret=" + SECRET,
                "--tempodesk.nylas.grant-id=" + GRANT,
                "--tempodesk.mail.poll-interval=PT1S");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    dsl = app.getBean(DSLContext.class);
    AgentsRecord adminAccount = TestAccounts.of(app).agent("ADMIN");
    adminId = adminAccount.getId();
    admin = TestAccounts.signIn(port, adminAccount.getEmail());
    manager = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (nylas != null) {
      nylas.close();
    }
    temporal.close();
  }

  @Test
  @Order(1)
  void shouldStartWithNylasDownShowTheMailboxDownWithTheReasonAndIngestOnceNylasIsUp() {
    MailboxesRecord mailbox = dsl.selectFrom(MAILBOXES).fetchSingle();
    mailboxId = mailbox.getId();
    String detail = "/components/mailboxSync/details/mailbox-" + mailboxId;
    // DOWN at once for want of passes; then with the reason, once a pass has failed
    HttpApi.Response health =
        await()
            .atMost(PATIENCE)
            .until(
                () -> manager.get("/actuator/health"),
                r -> r.body().at(detail + "/reason").asString("").contains("" + nylasPort));
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body().at("/components/mailboxSync/status").asString()).isEqualTo("DOWN");
    assertThat(health.body().at(detail + "/status").asString()).isEqualTo("DOWN");
    assertThat(health.body().at(detail + "/reason").asString())
        .as("names what failed")
        .contains("127.0.0.1:" + nylasPort);
    HttpApi.Response listed = admin.get("/api/mailboxes");
    assertThat(listed.body().get(0).at("/sync/status").asString()).isEqualTo("DOWN");
    assertThat(listed.body().get(0).at("/sync/reason").asString()).contains("" + nylasPort);
    assertThat(absent(listed.body().get(0).path("email")))
        .as("the address is not known until Nylas answers")
        .isTrue();

    nylas =
        FakeNylasServer.startOn(
            nylasPort, "outage-key", "outage-client", FaultPlan.none(), Clock.systemUTC());
    nylas.addGrant(GRANT, ADDRESS);
    nylas.receive(GRANT, InboundEmail.of("Dana", "dana@client.example", "Printer", "It jams."));

    // The sync recovers by itself: Temporal retries the failed pass with backoff.
    await().atMost(PATIENCE).until(() -> inboundMessages() == 1);
    await()
        .atMost(PATIENCE)
        .until(
            () -> manager.get("/actuator/health"),
            r -> r.body().at("/components/mailboxSync/status").asString().equals("UP"));
    HttpApi.Response after = admin.get("/api/mailboxes");
    assertThat(after.body().get(0).get("email").asString()).isEqualTo(ADDRESS);
    assertThat(after.body().get(0).at("/sync/status").asString()).isEqualTo("UP");
    assertThat(absent(after.body().get(0).at("/sync/reason"))).isTrue();
  }

  @Test
  @Order(2)
  void shouldNotStartASecondPassBesideASlowNylasCall() {
    WorkflowClient temporalClient = app.getBean(WorkflowClient.class);
    String workflowId = MailboxSyncWorkflow.workflowId(GRANT);
    awaitPassesBeyond(temporalClient.newWorkflowStub(MailboxSyncWorkflow.class, workflowId), 0);
    long eventsBefore = temporalClient.fetchHistory(workflowId).getEvents().size();
    long slowBefore = nylas.faultCounts().getOrDefault(FaultKind.SLOW_RESPONSE, 0L);
    // Slower than the old 10-second heartbeat timeout, which heartbeat only between messages. One
    // such call is the case (each slow call of a pass is the same wait again, 12 s apiece).
    nylas.faults().slowNextResponses(1, Duration.ofSeconds(12));
    nylas.receive(GRANT, InboundEmail.of("Eve", "eve@client.example", "Scanner", "Offline."));
    MailboxSyncWorkflow sync =
        temporalClient.newWorkflowStub(MailboxSyncWorkflow.class, workflowId);
    await().atMost(PATIENCE).until(() -> inboundMessages() == 2);
    // the pass that stored it is recorded in the history once it has finished; the slow call
    // was in that pass or in the one before it
    awaitPassesBeyond(sync, sync.status().passes());

    List<HistoryEvent> events = temporalClient.fetchHistory(workflowId).getEvents();
    List<HistoryEvent> passes = events.subList((int) eventsBefore, events.size());
    assertThat(passes)
        .as("no pass timed out")
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT);
    assertThat(
            passes.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .map(e -> e.getActivityTaskStartedEventAttributes().getAttempt()))
        .as("each slow pass finished in its first attempt")
        .isNotEmpty()
        .containsOnly(1);
    assertThat(nylas.faultCounts().get(FaultKind.SLOW_RESPONSE) - slowBefore)
        .as("slow answers were served")
        .isPositive();
  }

  @Test
  @Order(3)
  void shouldWaitForAReconnectAfterA401AndResumeTheSameMailboxAndCursor() {
    MailboxSyncs syncs = app.getBean(MailboxSyncs.class);
    Long cursorBefore = mailbox().getSyncCursor();
    assertThat(cursorBefore).isNotNull();

    nylas.revokeGrant(GRANT);
    syncs.poke(GRANT);

    HttpApi.Response listed =
        await()
            .atMost(PATIENCE)
            .until(
                () -> admin.get("/api/mailboxes"),
                r -> r.body().get(0).at("/sync/status").asString().equals("NEEDS_RECONNECT"));
    assertThat(listed.body().get(0).at("/sync/reason").asString()).contains("401");
    HttpApi.Response health = manager.get("/actuator/health");
    assertThat(health.body().at("/components/mailboxSync/status").asString()).isEqualTo("DOWN");
    assertThat(
            health
                .body()
                .at("/components/mailboxSync/details/mailbox-" + mailboxId + "/status")
                .asString())
        .isEqualTo("NEEDS_RECONNECT");
    assertThat(reconnectNotices()).as("the admins are told once").isEqualTo(1);
    HttpApi.Response feed = admin.get("/api/notifications");
    assertThat(feed.body().toString()).contains("needs to be connected again").contains(ADDRESS);

    // Passes keep coming (poll interval 1 s) but leave the refused grant alone.
    OffsetDateTime checked = mailbox().getReconnectCheckedAt();
    MailboxSyncWorkflow sync =
        app.getBean(WorkflowClient.class)
            .newWorkflowStub(MailboxSyncWorkflow.class, MailboxSyncWorkflow.workflowId(GRANT));
    awaitPassesBeyond(sync, sync.status().passes() + 3);
    syncs.poke(GRANT);
    assertThat(mailbox().getReconnectCheckedAt()).as("no new try of the grant").isEqualTo(checked);
    assertThat(reconnectNotices()).as("still one notice for the episode").isEqualTo(1);

    nylas.receive(GRANT, InboundEmail.of("Finn", "finn@client.example", "Router", "Blinking."));
    HttpApi.Response connected = reconnect();

    assertThat(connected.status()).as(connected.body().toString()).isEqualTo(200);
    assertThat(connected.body().get("id").asLong()).as("the same mailbox").isEqualTo(mailboxId);
    assertThat(dsl.fetchCount(MAILBOXES)).isEqualTo(1);
    assertThat(mailbox().getNeedsReconnectSince()).isNull();
    await().atMost(PATIENCE).until(() -> inboundMessages() == 3);
    assertThat(mailbox().getSyncCursor())
        .as("the cursor went on from where it was")
        .isGreaterThanOrEqualTo(cursorBefore);
    assertThat(admin.get("/api/mailboxes").body().get(0).at("/sync/status").asString())
        .isEqualTo("UP");
  }

  @Test
  @Order(4)
  void shouldWaitForAReconnectAfterAGrantExpiredWebhook() {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    nylas.enableWebhooks(
        "http://127.0.0.1:" + port + "/api/webhooks/nylas", SECRET, Duration.ofMillis(200));
    long noticesBefore = reconnectNotices();
    // Passes run every second; slow answers keep the next one from meeting the 401 before the
    // webhook has been handled, so what this test sees is the webhook's doing.
    nylas.faults().slowResponses(1.0, Duration.ofSeconds(5));

    nylas.expireGrant(GRANT);

    HttpApi.Response listed =
        await()
            .atMost(PATIENCE)
            .until(
                () -> admin.get("/api/mailboxes"),
                r -> r.body().get(0).at("/sync/status").asString().equals("NEEDS_RECONNECT"));
    nylas.faults().slowResponses(0, Duration.ZERO);
    assertThat(listed.body().get(0).at("/sync/reason").asString()).contains("grant.expired");
    assertThat(reconnectNotices()).as("a new episode, a new notice").isEqualTo(noticesBefore + 1);

    assertThat(reconnect().status()).isEqualTo(200);
    nylas.receive(GRANT, InboundEmail.of("Gus", "gus@client.example", "Badge", "Denied."));
    await().atMost(PATIENCE).until(() -> inboundMessages() == 4);
  }

  /** The Reconnect action: hosted OAuth with the mailbox's address as login hint. */
  private static HttpApi.Response reconnect() {
    HttpApi.Response toNylas = admin.get("/api/mailboxes/connect?email=" + ADDRESS);
    assertThat(toNylas.status()).isEqualTo(302);
    assertThat(toNylas.header("Location")).contains("login_hint=help%40outage.example");
    HttpApi.Response back = admin.get(toNylas.header("Location"));
    assertThat(back.status()).isEqualTo(302);
    // The app is reached through localhost here; PUBLIC_BASE_URL decides the host in production.
    return admin.get(back.header("Location").replace("http://localhost:8080", ""));
  }

  private static void awaitPassesBeyond(MailboxSyncWorkflow sync, long passes) {
    await().atMost(PATIENCE).until(() -> sync.status().passes() > passes);
  }

  private static MailboxesRecord mailbox() {
    return dsl.selectFrom(MAILBOXES).where(MAILBOXES.ID.eq(mailboxId)).fetchSingle();
  }

  private static int inboundMessages() {
    return dsl.fetchCount(MESSAGES, MESSAGES.DIRECTION.eq("INBOUND"));
  }

  private static long reconnectNotices() {
    return dsl.fetchCount(
        NOTIFICATIONS,
        NOTIFICATIONS
            .EVENT_KIND
            .eq(MailboxOutages.NEEDS_RECONNECT_EVENT)
            .and(NOTIFICATIONS.RECIPIENT_ID.eq(adminId)));
  }

  private static boolean absent(JsonNode value) {
    return value.isNull() || value.isMissingNode();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
