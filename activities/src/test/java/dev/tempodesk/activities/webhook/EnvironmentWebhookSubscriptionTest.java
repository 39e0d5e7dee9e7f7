package dev.tempodesk.activities.webhook;

import static dev.tempodesk.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.WebhookSubscriptionsRecord;
import dev.tempodesk.db.webhook.WebhookSubscriptionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * TEMPODESK_NOTIFY_WEBHOOK_URL as the ENVIRONMENT subscription (issue 22.2), as the app syncs it at
 * every start: made, updated, kept to one row when replicas start together, deleted when unset.
 */
class EnvironmentWebhookSubscriptionTest {
  private final WebhookFixture db = new WebhookFixture();
  private final WebhookSubscriptionRepository subscriptions =
      new WebhookSubscriptionRepository(db.dsl);

  private WebhookSubscriptionsRecord environment() {
    return subscriptions.findEnvironment().orElseThrow();
  }

  @Test
  void shouldCreateTheSubscriptionForNotificationsWhenTheUrlIsSet() {
    subscriptions.syncEnvironment("http://10.0.0.5/hook", null, "generated-secret-0001");

    WebhookSubscriptionsRecord made = environment();
    assertThat(made.getSource()).isEqualTo("ENVIRONMENT");
    assertThat(made.getName()).isEqualTo("Notifications (TEMPODESK_NOTIFY_WEBHOOK_URL)");
    assertThat(made.getUrl()).isEqualTo("http://10.0.0.5/hook");
    assertThat(made.getEventTypes()).containsExactly("notification");
    assertThat(made.getAllowPrivateNetwork()).as("the operator chose the address").isTrue();
    assertThat(made.getEnabled()).isTrue();
    assertThat(made.getSecret()).isEqualTo("generated-secret-0001");
  }

  @Test
  void shouldUpdateTheUrlAndKeepTheSecretAndTheAdminsSwitchOnTheNextStart() {
    subscriptions.syncEnvironment("http://10.0.0.5/hook", null, "generated-secret-0001");
    long id = environment().getId();
    db.dsl.update(WEBHOOK_SUBSCRIPTIONS).set(WEBHOOK_SUBSCRIPTIONS.ENABLED, false).execute();

    subscriptions.syncEnvironment("https://hooks.example/new", null, "generated-secret-0002");

    assertThat(environment().getId()).isEqualTo(id);
    assertThat(environment().getUrl()).isEqualTo("https://hooks.example/new");
    assertThat(environment().getSecret())
        .as("a restart keeps the secret receivers verify with")
        .isEqualTo("generated-secret-0001");
    assertThat(environment().getEnabled()).as("disabled by an admin, still").isFalse();

    subscriptions.syncEnvironment(
        "https://hooks.example/new", "operator-secret-000001", "generated-secret-0003");

    assertThat(environment().getSecret())
        .as("TEMPODESK_NOTIFY_WEBHOOK_SECRET wins")
        .isEqualTo("operator-secret-000001");
  }

  @Test
  void shouldDeleteTheSubscriptionAndItsDeliveriesWhenTheUrlIsUnset() {
    subscriptions.syncEnvironment("http://10.0.0.5/hook", null, "generated-secret-0001");
    long apiSubscription = db.subscription(List.of("notification"), List.of(), List.of());
    long event =
        db.dsl
            .fetchSingle(
                "insert into webhook_events (type, source_key, payload, occurred_at)"
                    + " values ('notification', 'n-1', '{}', now()) returning id")
            .get(0, Long.class);
    db.dsl.execute(
        "insert into webhook_deliveries (subscription_id, event_id, workflow_id)"
            + " values (?, ?, ''), (?, ?, '')",
        environment().getId(),
        event,
        apiSubscription,
        event);

    subscriptions.syncEnvironment(null, null, "generated-secret-0002");

    assertThat(subscriptions.findEnvironment()).isEmpty();
    assertThat(db.dsl.fetch(WEBHOOK_DELIVERIES).getValues(WEBHOOK_DELIVERIES.SUBSCRIPTION_ID))
        .as("an admin's subscription keeps its own")
        .containsExactly(apiSubscription);
  }

  @Test
  void shouldMakeOneSubscriptionWhenReplicasStartTogether() throws Exception {
    CyclicBarrier together = new CyclicBarrier(4);
    List<Future<?>> replicas = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        String generated = "generated-secret-000" + i;
        replicas.add(
            threads.submit(
                () -> {
                  together.await();
                  subscriptions.syncEnvironment("http://10.0.0.5/hook", null, generated);
                  return null;
                }));
      }
      for (Future<?> replica : replicas) {
        replica.get(); // a replica's failure fails the test
      }
    }

    assertThat(
            db.dsl.fetchCount(
                WEBHOOK_SUBSCRIPTIONS, WEBHOOK_SUBSCRIPTIONS.SOURCE.eq("ENVIRONMENT")))
        .isEqualTo(1);
    assertThat(environment().getSecret()).startsWith("generated-secret-000");
  }
}
