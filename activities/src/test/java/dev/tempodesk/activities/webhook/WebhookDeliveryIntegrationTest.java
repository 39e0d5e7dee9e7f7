package dev.tempodesk.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.webhook.LoopbackReceiver.Answer;
import dev.tempodesk.activities.webhook.LoopbackReceiver.Received;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.webhook.WebhookDeliveryRepository;
import dev.tempodesk.workflows.webhook.WebhookDeliveryWorkflow;
import dev.tempodesk.workflows.webhook.WebhookDeliveryWorkflowImpl;
import dev.tempodesk.workflows.webhook.WebhookRetrySchedule;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries end to end but for the dispatcher: event and delivery rows in real Postgres, the
 * delivery workflow on the in-memory Temporal server with time skipping (a day of retries takes
 * seconds), the real activities posting to a receiver on loopback.
 */
class WebhookDeliveryIntegrationTest {
  private static final String QUEUE = "webhook-delivery-test";
  private static final String SECRET = "whsec-0123456789abcdef";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private LoopbackReceiver receiver;
  private DSLContext dsl;
  private long admin;
  private long agent;

  /** What the test DNS answers: a public-looking name that points at loopback. */
  private static List<InetAddress> resolve(String host) throws UnknownHostException {
    if (host.equals("hooks.example.test")) {
      return List.of(InetAddress.getLoopbackAddress());
    }
    throw new UnknownHostException(host);
  }

  @BeforeEach
  void setUp() throws Exception {
    receiver = new LoopbackReceiver();
    TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
    dsl = jooq.dsl();
    admin = agent("root@tempodesk.test", "Rita Root", "ADMIN");
    agent = agent("alice@tempodesk.test", "Alice Agent", "AGENT");
    WebhookTargets targets = new WebhookTargets(List.of(), WebhookDeliveryIntegrationTest::resolve);
    WebhookDeliveryActivitiesImpl activities =
        new WebhookDeliveryActivitiesImpl(
            new WebhookDeliveryRepository(dsl),
            new NotificationRepository(dsl),
            new AgentRepository(dsl),
            new WebhookPoster(targets, WebhookPoster.defaultClient(), Clock.systemUTC()),
            JSON,
            jooq.transactions(),
            Clock.systemUTC());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    receiver.close();
  }

  @Test
  void aDeliveryIsPostedOnceSignedInTheDocumentedFormat() {
    long subscription = subscription(receiver.url("/hook"), true);
    long event = event("ticket.closed", 42);
    long delivery = delivery(subscription, event);

    run(delivery);

    assertThat(receiver.received).hasSize(1);
    Received post = receiver.received.getFirst();
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.header("Content-Type")).startsWith("application/json");
    assertThat(post.header("X-Tempodesk-Event")).isEqualTo("ticket.closed");
    assertThat(post.header("X-Tempodesk-Event-Id")).isEqualTo("evt_" + event);
    assertThat(post.header("Idempotency-Key")).isEqualTo("evt_" + event);
    assertThat(post.header("X-Tempodesk-Delivery")).isEqualTo(Long.toString(delivery));
    assertThat(post.header("User-Agent")).isEqualTo("Tempodesk-Webhooks/1");
    String timestamp = post.header("X-Tempodesk-Timestamp");
    assertThat(post.header("X-Tempodesk-Signature")).matches("v1=[0-9a-f]{64}");
    assertThat(
            WebhookSignature.verify(
                SECRET,
                timestamp,
                post.body(),
                post.header("X-Tempodesk-Signature"),
                Instant.now()))
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                "another-secret-16ch",
                timestamp,
                post.body(),
                post.header("X-Tempodesk-Signature"),
                Instant.now()))
        .isFalse();

    JsonNode body = JSON.readTree(post.body());
    assertThat(body.path("id").asString()).isEqualTo("evt_" + event);
    assertThat(body.path("type").asString()).isEqualTo("ticket.closed");
    assertThat(body.path("occurredAt").asString()).isEqualTo("2026-12-01T09:30:00Z");
    assertThat(body.path("text").asString())
        .isEqualTo("Ticket #42 closed by Alice Agent: Printer on fire");
    assertThat(body.path("data").path("ticket").path("status").asString()).isEqualTo("CLOSED");

    Record row = deliveryRow(delivery);
    assertThat(row.get("status")).isEqualTo("DELIVERED");
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat(row.get("last_status_code")).isEqualTo(200);
    assertThat(row.get("finished_at")).isNotNull();
    assertThat(attempts(delivery)).containsExactly(Map.of("attempt", 1, "code", 200));
    assertThat(dsl.fetchValue("select response_excerpt from webhook_attempts"))
        .isEqualTo("answer 200");
  }

  @Test
  void aFailedPostIsTriedAgainAfterThePauseWithTheSameBytesAndEachAttemptIsLogged() {
    receiver.answer(Answer.of(500), new Answer(503, Map.of("Retry-After", "600"), "busy"));
    long subscription = subscription(receiver.url("/hook"), true);
    long delivery = delivery(subscription, event("ticket.updated", 7));

    run(delivery);

    assertThat(attempts(delivery))
        .containsExactly(
            Map.of("attempt", 1, "code", 500),
            Map.of("attempt", 2, "code", 503),
            Map.of("attempt", 3, "code", 200));
    // 30 s after the 500, then the receiver's Retry-After (10 min) instead of the planned 2 min.
    assertThat(pauses(delivery)).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(10));
    List<byte[]> bodies = receiver.received.stream().map(Received::body).toList();
    assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
    assertThat(bodies.get(2)).isEqualTo(bodies.get(0));
    Record row = deliveryRow(delivery);
    assertThat(row.get("status")).isEqualTo("DELIVERED");
    assertThat(row.get("attempts")).isEqualTo(3);
    assertThat(dsl.fetchValue("select error from webhook_attempts where attempt = 1"))
        .isEqualTo("answered 500");
  }

  @Test
  void aReceiverThatFailsForADayFailsTheDeliveryAfterTheLastAttemptInTheWindow() {
    for (int i = 0; i < 20; i++) {
      receiver.answer(Answer.of(500));
    }
    long subscription = subscription(receiver.url("/hook"), true);
    long delivery = delivery(subscription, event("ticket.updated", 7));

    long wallStart = System.nanoTime();
    run(delivery);

    assertThat(receiver.received).hasSize(10);
    assertThat(pauses(delivery))
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8),
            Duration.ofHours(8));
    Duration waited = pauses(delivery).stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(waited).isLessThanOrEqualTo(WebhookRetrySchedule.WINDOW);
    assertThat(waited.plus(WebhookRetrySchedule.pauseAfter(10)))
        .isGreaterThan(WebhookRetrySchedule.WINDOW);
    // One activity and one timer per attempt: the history of a whole day stays small.
    assertThat(history(delivery).getEvents()).hasSizeLessThan(120);
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofMinutes(1));
    Record row = deliveryRow(delivery);
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat(row.get("attempts")).isEqualTo(10);
    assertThat((String) row.get("last_error")).isEqualTo("gave up after 10 attempts: answered 500");
    assertThat(row.get("next_attempt_at")).isNull();
    assertThat(failuresInARow(subscription)).isEqualTo(1);
    assertThat(subscriptionEnabled(subscription)).isTrue();
  }

  @Test
  void goneIsFinalAndTheFifthFailedDeliveryInARowDisablesTheSubscriptionWithANoticeToAdmins() {
    long subscription = subscription(receiver.url("/hook"), true);
    dsl.execute(
        "update webhook_subscriptions set consecutive_failures = 4 where id = ?", subscription);
    receiver.answer(Answer.of(410));
    long delivery = delivery(subscription, event("ticket.created", 5));

    run(delivery);

    assertThat(receiver.received).hasSize(1);
    assertThat(deliveryRow(delivery).get("status")).isEqualTo("FAILED");
    assertThat(failuresInARow(subscription)).isEqualTo(5);
    Record sub = dsl.fetchOne("select * from webhook_subscriptions where id = ?", subscription);
    assertThat(sub.get("enabled")).isEqualTo(false);
    assertThat(sub.get("disabled_at")).isNotNull();
    assertThat((String) sub.get("disabled_reason"))
        .isEqualTo("the last 5 deliveries failed (the last: answered 410)");
    List<Record> notices =
        dsl.fetch("select * from notifications where event_kind = 'WEBHOOK_DISABLED'");
    assertThat(notices).hasSize(1);
    assertThat(notices.getFirst().get("recipient_id")).isEqualTo(admin);
    assertThat(notices.getFirst().get("channel")).isEqualTo("IN_APP");
    assertThat((String) notices.getFirst().get("title")).isEqualTo("Webhook hook was disabled");

    // A delivery that was pending when it was disabled is cancelled without a post.
    long pending = delivery(subscription, event("ticket.updated", 5));
    run(pending);
    assertThat(receiver.received).hasSize(1);
    assertThat(deliveryRow(pending).get("status")).isEqualTo("CANCELLED");
    assertThat(attempts(pending)).isEmpty();
  }

  @Test
  void aSuccessResetsTheFailuresInARow() {
    long subscription = subscription(receiver.url("/hook"), true);
    dsl.execute(
        "update webhook_subscriptions set consecutive_failures = 3 where id = ?", subscription);

    run(delivery(subscription, event("ticket.created", 5)));

    assertThat(failuresInARow(subscription)).isZero();
  }

  @Test
  void aDeletedSubscriptionsDeliveryEndsWithoutAPost() {
    long subscription = subscription(receiver.url("/hook"), true);
    long delivery = delivery(subscription, event("ticket.created", 5));
    dsl.execute("delete from webhook_subscriptions where id = ?", subscription);

    run(delivery);

    assertThat(receiver.received).isEmpty();
  }

  @Test
  void redirectsAreNotFollowed() {
    receiver.answer(new Answer(302, Map.of("Location", receiver.url("/elsewhere")), ""));
    long subscription = subscription(receiver.url("/hook"), true);
    long delivery = delivery(subscription, event("ticket.created", 5));

    run(delivery);

    assertThat(receiver.at("/elsewhere")).isEmpty();
    assertThat(receiver.at("/hook")).hasSize(2);
    assertThat(attempts(delivery))
        .containsExactly(Map.of("attempt", 1, "code", 302), Map.of("attempt", 2, "code", 200));
    assertThat(dsl.fetchValue("select error from webhook_attempts where attempt = 1"))
        .isEqualTo("answered 302 (redirects are not followed: " + receiver.url("/elsewhere") + ")");
  }

  @Test
  void aTargetInsideIsRefusedAtOnceWhenTheSubscriptionDoesNotAllowPrivateNetworks() {
    long literal = subscription(receiver.url("/hook"), false);
    long literalDelivery = delivery(literal, event("ticket.created", 5));
    // A name that looked public when it was saved and resolves to loopback when posted.
    long rebound = subscription("http://hooks.example.test:" + receiver.port() + "/hook", false);
    long reboundDelivery = delivery(rebound, event("ticket.created", 6));

    run(literalDelivery);
    run(reboundDelivery);

    assertThat(receiver.received).isEmpty();
    for (long delivery : List.of(literalDelivery, reboundDelivery)) {
      Record row = deliveryRow(delivery);
      assertThat(row.get("status")).isEqualTo("FAILED");
      assertThat(row.get("attempts")).isEqualTo(1);
    }
    assertThat((String) deliveryRow(literalDelivery).get("last_error"))
        .startsWith("refused: the URL 127.0.0.1 is loopback");
    assertThat((String) deliveryRow(reboundDelivery).get("last_error"))
        .startsWith("refused: hooks.example.test resolves to 127.0.0.1, loopback");
  }

  @Test
  void theConnectionGoesWhereTheCheckedNameResolves() {
    long subscription =
        subscription("http://hooks.example.test:" + receiver.port() + "/hook", true);
    long delivery = delivery(subscription, event("ticket.created", 5));

    run(delivery);

    assertThat(receiver.received).hasSize(1);
    assertThat(deliveryRow(delivery).get("status")).isEqualTo("DELIVERED");
  }

  private WorkflowExecutionHistory history(long delivery) {
    return env.getWorkflowClient().fetchHistory(WebhookDeliveryWorkflow.workflowId(delivery));
  }

  /** The durable timers the workflow set between attempts. */
  private List<Duration> pauses(long delivery) {
    return history(delivery).getEvents().stream()
        .filter(HistoryEvent::hasTimerStartedEventAttributes)
        .map(
            event -> {
              var timeout = event.getTimerStartedEventAttributes().getStartToFireTimeout();
              return Duration.ofSeconds(timeout.getSeconds(), timeout.getNanos());
            })
        .toList();
  }

  private void run(long delivery) {
    env.getWorkflowClient()
        .newWorkflowStub(
            WebhookDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(WebhookDeliveryWorkflow.workflowId(delivery))
                .build())
        .deliver(delivery);
  }

  private long agent(String email, String name, String role) {
    return number(
        "insert into agents (email, display_name, role) values (?, ?, ?) returning id",
        email,
        name,
        role);
  }

  private long subscription(String url, boolean allowPrivate) {
    return number(
        "insert into webhook_subscriptions (name, url, secret, event_types, allow_private_network)"
            + " values ('hook', ?, ?, array['ticket.created', 'ticket.updated', 'ticket.closed'], ?)"
            + " returning id",
        url,
        SECRET,
        allowPrivate);
  }

  private long event(String type, long ticket) {
    String payload =
        """
        {"ticket": {"number": %d, "subject": "Printer on fire", "status": "CLOSED"},
         "change": {"kind": "UPDATED", "actor": {"kind": "AGENT", "id": %d, "name": "Alice Agent"}}}
        """
            .formatted(ticket, agent);
    return number(
        "insert into webhook_events (type, source_key, ticket_number, payload, occurred_at)"
            + " values (?, gen_random_uuid()::text, ?, ?::jsonb, '2026-12-01T09:30:00Z')"
            + " returning id",
        type,
        ticket,
        payload);
  }

  private long delivery(long subscription, long event) {
    long id =
        number(
            "insert into webhook_deliveries (subscription_id, event_id, workflow_id)"
                + " values (?, ?, 'pending') returning id",
            subscription,
            event);
    dsl.execute(
        "update webhook_deliveries set workflow_id = ? where id = ?",
        WebhookDeliveryWorkflow.workflowId(id),
        id);
    return id;
  }

  private Record deliveryRow(long delivery) {
    return dsl.fetchOne("select * from webhook_deliveries where id = ?", delivery);
  }

  private List<Map<String, Object>> attempts(long delivery) {
    return dsl.fetch(
            "select attempt, status_code from webhook_attempts where delivery_id = ? order by attempt",
            delivery)
        .map(
            record ->
                Map.<String, Object>of(
                    "attempt", record.get("attempt"), "code", record.get("status_code")));
  }

  private int failuresInARow(long subscription) {
    return (int)
        number("select consecutive_failures from webhook_subscriptions where id = ?", subscription);
  }

  private boolean subscriptionEnabled(long subscription) {
    return (Boolean)
        dsl.fetchValue("select enabled from webhook_subscriptions where id = ?", subscription);
  }

  private long number(String sql, Object... bindings) {
    return ((Number) dsl.fetchValue(sql, bindings)).longValue();
  }
}
