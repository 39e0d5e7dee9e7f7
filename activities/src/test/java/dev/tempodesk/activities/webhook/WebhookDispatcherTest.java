package dev.tempodesk.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on Postgres: events become one delivery per matching subscription, each started
 * once, even with two dispatchers (replicas) at work; a bad event is set aside, not in the way.
 */
class WebhookDispatcherTest {
  private static final String BASE = "https://desk.example/";

  private final Map<Long, AtomicInteger> starts = new ConcurrentHashMap<>();

  private WebhookDispatcher dispatcher(WebhookFixture db, WebhookDispatchRepository repository) {
    return new WebhookDispatcher(
        repository,
        db.jooq.transactions(),
        id -> starts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet(),
        BASE,
        Clock.systemUTC());
  }

  @Test
  void shouldDeliverEachEventToTheSubscriptionsWhoseTypesAndFiltersMatch() {
    WebhookFixture db = new WebhookFixture();
    long everything =
        db.subscription(List.of("ticket.created", "ticket.updated"), List.of(), List.of());
    long billingOnly = db.subscription(List.of("ticket.created"), List.of(db.billing), List.of());
    long urgentOnly = db.subscription(List.of("ticket.created"), List.of(), List.of("URGENT"));
    long updatesOnly = db.subscription(List.of("ticket.updated"), List.of(), List.of());
    long supportNormal = db.ticket("Support, normal", db.support, "NORMAL");
    long billingUrgent = db.ticket("Billing, urgent", db.billing, "URGENT");
    db.event(supportNormal, "CREATED", "[]");
    db.event(billingUrgent, "CREATED", "[]");

    var pass = dispatcher(db, new WebhookDispatchRepository(db.dsl)).runOnce();

    assertThat(pass.eventsDispatched()).isEqualTo(2);
    assertThat(deliveredTo(db, supportNormal)).containsExactly(everything);
    assertThat(deliveredTo(db, billingUrgent)).containsExactly(everything, billingOnly, urgentOnly);
    assertThat(deliveredTo(db, supportNormal)).doesNotContain(updatesOnly);
    assertThat(starts.keySet()).hasSize(4);
    assertThat(starts.values()).allMatch(count -> count.get() == 1);
    assertThat(db.dsl.fetch("select workflow_id, started_at from webhook_deliveries"))
        .allMatch(row -> row.get(0, String.class).startsWith("webhook-delivery-"))
        .allMatch(row -> row.get(1) != null);
    assertThat(
            db.dsl
                .fetchSingle(
                    "select payload #>> '{ticket,url}' from webhook_events where ticket_number = ?",
                    supportNormal)
                .get(0, String.class))
        .isEqualTo("https://desk.example/tickets/" + supportNormal);
    assertThat(dispatcher(db, new WebhookDispatchRepository(db.dsl)).runOnce().didSomething())
        .as("a second pass finds nothing to do")
        .isFalse();
  }

  @Test
  void shouldShareTheWorkBetweenTwoDispatchersWithoutDoingAnythingTwice() throws Exception {
    WebhookFixture db = new WebhookFixture();
    db.subscription(List.of("ticket.created"), List.of(), List.of());
    db.subscription(List.of("ticket.created"), List.of(), List.of());
    for (int i = 0; i < 60; i++) {
      db.event(db.ticket("Ticket " + i, db.support, "NORMAL"), "CREATED", "[]");
    }
    CyclicBarrier together = new CyclicBarrier(2);
    WebhookDispatchRepository repository = new WebhookDispatchRepository(db.dsl);
    Runnable replica =
        () -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          dispatcher(db, repository).runOnce();
        };
    Thread one = Thread.ofPlatform().start(replica);
    Thread two = Thread.ofPlatform().start(replica);
    one.join();
    two.join();

    assertThat(
            db.dsl.fetchCount(db.dsl.selectFrom("webhook_events").where("dispatched_at is null")))
        .isZero();
    assertThat(db.dsl.fetchCount(db.dsl.selectFrom("webhook_deliveries"))).isEqualTo(120);
    assertThat(starts).hasSize(120);
    assertThat(starts.values()).allMatch(count -> count.get() == 1);
  }

  @Test
  void shouldSetABadEventAsideWithItsReasonAndDispatchTheOthers() {
    WebhookFixture db = new WebhookFixture();
    db.subscription(List.of("ticket.created"), List.of(), List.of());
    long bad = db.ticket("Bad", db.support, "NORMAL");
    long good = db.ticket("Good", db.support, "NORMAL");
    db.event(bad, "CREATED", "[]");
    db.event(good, "CREATED", "[]");
    long badEvent =
        db.dsl
            .fetchSingle("select id from webhook_events where ticket_number = ?", bad)
            .get(0, Long.class);
    WebhookDispatchRepository failing =
        new WebhookDispatchRepository(db.dsl) {
          @Override
          public List<Long> dispatch(long eventId, String publicBaseUrl) {
            if (eventId == badEvent) {
              throw new IllegalStateException("payload unreadable");
            }
            return super.dispatch(eventId, publicBaseUrl);
          }
        };

    var first = dispatcher(db, failing).runOnce();
    assertThat(first.eventsDispatched()).isEqualTo(1);
    assertThat(first.eventsFailed()).isEqualTo(1);
    assertThat(deliveredTo(db, good)).hasSize(1);
    for (int pass = 2; pass <= WebhookDispatcher.MAX_ATTEMPTS; pass++) {
      dispatcher(db, failing).runOnce();
    }
    var row =
        db.dsl.fetchSingle(
            "select dispatched_at, dispatch_attempts, dispatch_error from webhook_events where id = ?",
            badEvent);
    assertThat(row.get("dispatch_attempts", Integer.class))
        .isEqualTo(WebhookDispatcher.MAX_ATTEMPTS);
    assertThat(row.get("dispatch_error", String.class)).contains("payload unreadable");
    assertThat(row.get("dispatched_at")).as("set aside").isNotNull();
    assertThat(deliveredTo(db, bad)).isEmpty();
    assertThat(dispatcher(db, failing).runOnce().didSomething()).isFalse();
  }

  @Test
  void shouldStartADeliveryAgainOnTheNextPassWhenStartingFailed() {
    WebhookFixture db = new WebhookFixture();
    db.subscription(List.of("ticket.created"), List.of(), List.of());
    db.event(db.ticket("Temporal is down", db.support, "NORMAL"), "CREATED", "[]");
    WebhookDispatchRepository repository = new WebhookDispatchRepository(db.dsl);
    var down =
        new WebhookDispatcher(
            repository,
            db.jooq.transactions(),
            id -> {
              throw new IllegalStateException("UNAVAILABLE");
            },
            BASE,
            Clock.systemUTC());

    assertThat(down.runOnce().deliveriesStarted()).isZero();
    assertThat(dispatcher(db, repository).runOnce().deliveriesStarted()).isEqualTo(1);
    assertThat(starts).hasSize(1);
  }

  @Test
  void shouldPruneOldEventsOnlyOnceTheirDeliveriesHaveFinished() {
    WebhookFixture db = new WebhookFixture();
    db.subscription(List.of("ticket.created"), List.of(), List.of());
    long finished = db.ticket("Finished long ago", db.support, "NORMAL");
    long pending = db.ticket("Still retrying", db.support, "NORMAL");
    db.event(finished, "CREATED", "[]");
    db.event(pending, "CREATED", "[]");
    WebhookDispatchRepository repository = new WebhookDispatchRepository(db.dsl);
    dispatcher(db, repository).runOnce();
    db.dsl.execute(
        "update webhook_deliveries d set status = 'DELIVERED', finished_at = now() from"
            + " webhook_events e where e.id = d.event_id and e.ticket_number = ?",
        finished);
    db.dsl.execute(
        "update webhook_deliveries d set status = 'RETRYING' from webhook_events e"
            + " where e.id = d.event_id and e.ticket_number = ?",
        pending);
    WebhookDispatcher later =
        new WebhookDispatcher(
            repository,
            db.jooq.transactions(),
            id -> {},
            BASE,
            Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(31)));

    assertThat(dispatcher(db, repository).prune()).as("nothing is 30 days old yet").isZero();
    assertThat(later.prune()).isEqualTo(1);
    assertThat(deliveredTo(db, finished)).isEmpty();
    assertThat(deliveredTo(db, pending)).hasSize(1);
  }

  private static List<Long> deliveredTo(WebhookFixture db, long ticket) {
    return db
        .dsl
        .fetch(
            "select d.subscription_id from webhook_deliveries d join webhook_events e on e.id ="
                + " d.event_id where e.ticket_number = ? order by d.subscription_id",
            ticket)
        .stream()
        .map(row -> row.get(0, Long.class))
        .collect(Collectors.toList());
  }
}
