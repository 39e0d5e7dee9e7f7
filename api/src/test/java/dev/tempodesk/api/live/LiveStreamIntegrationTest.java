package dev.tempodesk.api.live;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.api.live.SseClient.about;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.live.LiveEventRepository;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * GET /api/stream against the running app and a real Postgres: changes made through the API reach
 * subscribed clients within a second, filtered to what each may see, resumable with Last-Event-ID,
 * and fanned out through LISTEN/NOTIFY to every listener on the database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tempodesk.live.heartbeat=PT1S", "tempodesk.live.max-streams-per-user=3"})
@ActiveProfiles("test")
class LiveStreamIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  private static final String REPLICA = "live-replica-test";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired MessageRepository messages;
  @Autowired LiveEventRepository liveEvents;
  @Autowired LiveEventListener listener;

  private HttpApi asAgent;
  private ContactsRecord carla;
  private HttpApi asCarla;
  private HttpApi asGina;

  @BeforeEach
  void setUp() throws InterruptedException {
    TestAccounts accounts = TestAccounts.of(app);
    asAgent = TestAccounts.signIn(port, accounts.agent("MANAGER").getEmail());
    carla = accounts.customer(null);
    asCarla = TestAccounts.signIn(port, carla.getEmail());
    asGina = TestAccounts.signIn(port, accounts.customer(null).getEmail());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!listener.isListening() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(listener.isListening()).as("the replica's listener is connected").isTrue();
  }

  private long staffTicket(String subject) {
    Response created =
        asAgent.post(
            "/api/tickets",
            json(Map.of("subject", subject, "description", "d", "reporterId", carla.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private long portalTicket(HttpApi customer, String subject) {
    Response created =
        customer.post(
            "/api/portal/tickets", json(Map.of("subject", subject, "description", "details")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("ticket").get("number").asLong();
  }

  private void changePriority(long number, String priority) {
    Response changed =
        asAgent.patch(
            "/api/tickets/" + number, json(Map.of("priority", priority, "comment", "live test")));
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
  }

  @Test
  void shouldBringAChangeMadeThroughTheApiToAStaffStreamWithinASecond() throws Exception {
    long number = staffTicket("Printer on fire");
    try (SseClient stream = SseClient.open(asAgent, null)) {
      assertThat(stream.contentType()).startsWith("text/event-stream");

      changePriority(number, "URGENT");
      long changedAt = System.nanoTime();
      SseClient.Event event = stream.await(about("ticket.changed", number), WITHIN_A_SECOND);

      assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(WITHIN_A_SECOND);
      assertThat(event.id()).isPositive();
      assertThat(event.data().get("kind").asString()).isEqualTo("ticket.changed");
      assertThat(event.data().has("reporterId")).as("who may see it stays on the server").isFalse();
      long created = staffTicket("Another one");
      stream.await(about("ticket.created", created), WITHIN_A_SECOND);
      stream.await(about("message.added", created), WITHIN_A_SECOND);
    }
  }

  @Test
  void shouldNeverCarryAnotherCustomersTicketOrAnInternalNoteToACustomer() throws Exception {
    try (SseClient carlas = SseClient.open(asCarla, null);
        SseClient staff = SseClient.open(asAgent, null)) {
      long ginas = portalTicket(asGina, "Gina's secret");
      long hers = portalTicket(asCarla, "Carla's question");
      UUID note = insertMessage(hers, "INTERNAL");
      UUID reply = insertMessage(hers, "PUBLIC");

      carlas.await(about("ticket.created", hers), WITHIN_A_SECOND);
      carlas.await(
          event -> reply.toString().equals(event.data().path("messageId").asString(null)),
          WITHIN_A_SECOND);
      staff.await(
          event -> note.toString().equals(event.data().path("messageId").asString(null)),
          WITHIN_A_SECOND);
      staff.await(about("ticket.created", ginas), WITHIN_A_SECOND);

      assertThat(carlas.seen())
          .as("Carla's stream")
          .noneMatch(event -> Long.valueOf(ginas).equals(event.ticketNumber()))
          .noneMatch(event -> note.toString().equals(event.data().path("messageId").asString("")));
    }
  }

  private UUID insertMessage(long number, String visibility) {
    UUID id = UUID.randomUUID();
    messages.insert(
        new MessagesRecord()
            .setId(id)
            .setTicketNumber(number)
            .setDirection("OUTBOUND")
            .setVisibility(visibility)
            .setBodyText(visibility + " words")
            .setOccurredAt(OffsetDateTime.now()));
    return id;
  }

  @Test
  void shouldReplayWhatAReconnectingClientMissedAfterItsLastEventId() throws Exception {
    long number = staffTicket("Flaky VPN");
    long lastSeen;
    try (SseClient first = SseClient.open(asAgent, null)) {
      changePriority(number, "HIGH");
      lastSeen = first.await(about("ticket.changed", number), WITHIN_A_SECOND).id();
    }
    changePriority(number, "LOW");
    long missed = staffTicket("Missed while away");

    try (SseClient again = SseClient.open(asAgent, lastSeen)) {
      SseClient.Event changed = again.await(about("ticket.changed", number), WITHIN_A_SECOND);
      SseClient.Event created = again.await(about("ticket.created", missed), WITHIN_A_SECOND);

      assertThat(changed.id()).isGreaterThan(lastSeen);
      assertThat(created.id()).isGreaterThan(changed.id());
      assertThat(again.seen()).allMatch(event -> event.id() > lastSeen);
      assertThat(again.seen().stream().map(SseClient.Event::id).distinct().count())
          .as("no event twice")
          .isEqualTo(again.seen().size());
    }
  }

  @Test
  void shouldDeliverEveryEventToEveryReplicasListener() throws Exception {
    BlockingQueue<LiveEvent> first = new LinkedBlockingQueue<>();
    BlockingQueue<LiveEvent> second = new LinkedBlockingQueue<>();
    LiveEventListener replicaA = replica(first::add);
    LiveEventListener replicaB = replica(second::add);
    try {
      awaitListening(replicaA);
      awaitListening(replicaB);
      long number = staffTicket("Seen everywhere");

      assertThat(firstAbout(first, number).kind()).isEqualTo("ticket.created");
      assertThat(firstAbout(second, number).kind()).isEqualTo("ticket.created");

      // A replica whose connection dies listens again and catches up on what it missed.
      terminateListeners();
      changePriority(number, "URGENT");
      assertThat(eventually(first, number, "ticket.changed")).isTrue();
      assertThat(eventually(second, number, "ticket.changed")).isTrue();
    } finally {
      replicaA.stop();
      replicaB.stop();
    }
  }

  @Test
  void shouldSendHeartbeatsAndRefuseTooManyStreamsOrABadLastEventId() throws Exception {
    try (SseClient one = SseClient.open(asGina, null);
        SseClient two = SseClient.open(asGina, null);
        SseClient three = SseClient.open(asGina, null)) {
      Response fourth = asGina.openStream("/api/stream");
      assertThat(fourth.status()).isEqualTo(429);

      Thread.sleep(1_500);
      assertThat(one.comments()).contains("heartbeat");
    }
    var refused = asGina.stream("/api/stream", "Last-Event-ID", "yesterday");
    try (var body = refused.body()) {
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(new String(body.readAllBytes())).contains("\"field\":\"Last-Event-ID\"");
    }
  }

  private LiveEventListener replica(java.util.function.Consumer<LiveEvent> sink) {
    LiveEventListener replica =
        new LiveEventListener(
            () -> {
              Properties properties = new Properties();
              properties.setProperty("user", "postgres");
              properties.setProperty("ApplicationName", REPLICA);
              return DriverManager.getConnection(DATABASE.jdbcUrl(), properties);
            },
            liveEvents,
            sink,
            Duration.ofMinutes(10),
            Clock.systemUTC());
    replica.start();
    return replica;
  }

  private static void awaitListening(LiveEventListener replica) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!replica.isListening() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(replica.isListening()).isTrue();
  }

  private static LiveEvent firstAbout(BlockingQueue<LiveEvent> events, long number)
      throws InterruptedException {
    long deadline = System.nanoTime() + WITHIN_A_SECOND.toNanos();
    while (true) {
      LiveEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(event).as("an event about #" + number + " within a second").isNotNull();
      if (Long.valueOf(number).equals(event.ticketNumber())) {
        return event;
      }
    }
  }

  private static boolean eventually(BlockingQueue<LiveEvent> events, long number, String kind)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      LiveEvent event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null
          && event.kind().equals(kind)
          && Long.valueOf(number).equals(event.ticketNumber())) {
        return true;
      }
    }
    return false;
  }

  /** Ends the replicas' listening sessions, as a failover or a proxy restart would. */
  private static void terminateListeners() throws Exception {
    try (Connection admin = DriverManager.getConnection(DATABASE.jdbcUrl(), "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute(
          "select pg_terminate_backend(pid) from pg_stat_activity"
              + " where application_name = '"
              + REPLICA
              + "'");
    }
  }
}
