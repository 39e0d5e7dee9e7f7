package dev.tempodesk.api.live;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.api.live.SseClient.about;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.api.embedded.EmbeddedTemporalServer;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the app (two Spring Boot contexts on their own ports) on one Postgres and one
 * Temporal server, as two replicas behind a load balancer without sticky sessions: a change made
 * through instance A's API reaches a stream held open on instance B within a second, through
 * Postgres LISTEN/NOTIFY alone, and B filters it for its own clients as A would. Both instances run
 * their workers on the shared task queue, as replicas do.
 */
class LiveStreamAcrossInstancesTest {
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  private static EmbeddedTemporalServer temporal;
  private static ConfigurableApplicationContext instanceA;
  private static ConfigurableApplicationContext instanceB;

  @BeforeAll
  static void startTwoInstances() throws IOException, InterruptedException {
    int temporalPort = freePort();
    temporal = EmbeddedTemporalServer.start(temporalPort);
    instanceA = instance(temporalPort);
    instanceB = instance(temporalPort);
    awaitListening(instanceA);
    awaitListening(instanceB);
  }

  @AfterAll
  static void stopBoth() {
    if (instanceB != null) {
      instanceB.close();
    }
    if (instanceA != null) {
      instanceA.close();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  private static ConfigurableApplicationContext instance(int temporalPort) {
    return new SpringApplicationBuilder(TempodeskApplication.class)
        .profiles("test")
        // As arguments, so they outrank application.yaml and the test profile's own test server.
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + DATABASE.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--spring.temporal.test-server.enabled=false",
            "--spring.temporal.connection.target=127.0.0.1:" + temporalPort,
            "--tempodesk.live.heartbeat=PT1S");
  }

  private static int port(ConfigurableApplicationContext instance) {
    return ((WebServerApplicationContext) instance).getWebServer().getPort();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitListening(ConfigurableApplicationContext instance)
      throws InterruptedException {
    LiveEventListener listener = instance.getBean(LiveEventListener.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!listener.isListening() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(listener.isListening()).as("the instance's listener is connected").isTrue();
  }

  @Test
  void shouldBringAChangeMadeOnOneInstanceToStreamsOnTheOtherAndKeepNotesFromTheCustomer()
      throws Exception {
    TestAccounts accounts = TestAccounts.of(instanceA);
    String agentEmail = accounts.agent("AGENT").getEmail();
    ContactsRecord carla = accounts.customer(null);
    HttpApi agentOnA = TestAccounts.signIn(port(instanceA), agentEmail);
    HttpApi agentOnB = TestAccounts.signIn(port(instanceB), agentEmail);
    HttpApi carlaOnB = TestAccounts.signIn(port(instanceB), carla.getEmail());

    try (SseClient staffOnB = SseClient.open(agentOnB, null);
        SseClient carlasOnB = SseClient.open(carlaOnB, null)) {
      Response created =
          agentOnA.post(
              "/api/tickets",
              json(
                  Map.of("subject", "VPN drops", "description", "d", "reporterId", carla.getId())));
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      long number = created.body().get("number").asLong();
      staffOnB.await(about("ticket.created", number), WITHIN_A_SECOND);
      carlasOnB.await(about("ticket.created", number), WITHIN_A_SECOND);

      // A's change, B's streams: timed from the moment A's API answered.
      Response changed =
          agentOnA.patch(
              "/api/tickets/" + number, json(Map.of("priority", "URGENT", "comment", "on A")));
      long answeredAt = System.nanoTime();
      assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
      SseClient.Event onB = staffOnB.await(about("ticket.changed", number), WITHIN_A_SECOND);
      assertThat(Duration.ofNanos(System.nanoTime() - answeredAt)).isLessThan(WITHIN_A_SECOND);
      assertThat(onB.id()).isPositive();
      carlasOnB.await(about("ticket.changed", number), WITHIN_A_SECOND);

      // An internal note on A reaches B's staff stream and never Carla's: once her stream has
      // an event written after the note (events arrive in id order), the note would have come
      // before it.
      Response note =
          agentOnA.post(
              "/api/tickets/" + number + "/notes", json(Map.of("body", "Carla is on a trial")));
      assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
      String noteId = note.body().get("id").asString();
      SseClient.Event noteOnB =
          staffOnB.await(
              event -> noteId.equals(event.data().path("messageId").asString(null)),
              WITHIN_A_SECOND);
      assertThat(noteOnB.name()).isEqualTo("message.added");
      Response later =
          agentOnA.patch(
              "/api/tickets/" + number, json(Map.of("priority", "LOW", "comment", "after note")));
      assertThat(later.status()).as(later.body().toString()).isEqualTo(200);
      SseClient.Event laterOnB =
          carlasOnB.await(
              event -> about("ticket.changed", number).test(event) && event.id() > noteOnB.id(),
              WITHIN_A_SECOND);

      assertThat(laterOnB.id()).isGreaterThan(noteOnB.id());
      assertThat(carlasOnB.seen())
          .as("Carla's stream on B")
          .isNotEmpty()
          .noneMatch(event -> noteId.equals(event.data().path("messageId").asString("")))
          .noneMatch(event -> event.id() == noteOnB.id());
    }
  }
}
