package dev.tempodesk.activities.webhook;

import static dev.tempodesk.workflows.webhook.WebhookAttemptOutcome.CANCELLED;
import static dev.tempodesk.workflows.webhook.WebhookAttemptOutcome.DELIVERED;
import static dev.tempodesk.workflows.webhook.WebhookAttemptOutcome.FAILED;
import static dev.tempodesk.workflows.webhook.WebhookAttemptOutcome.RETRYING;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookAttemptsRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookDeliveriesRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookSubscriptionsRecord;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.webhook.WebhookDeliveryRepository;
import dev.tempodesk.db.webhook.WebhookDeliveryRepository.DeliveryToSend;
import dev.tempodesk.workflows.webhook.WebhookAttempt;
import dev.tempodesk.workflows.webhook.WebhookAttemptOutcome;
import dev.tempodesk.workflows.webhook.WebhookDeliveryActivities;
import dev.tempodesk.workflows.webhook.WebhookRetrySchedule;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt of a webhook delivery ({@link WebhookDeliveryActivities}): posts it with {@link
 * WebhookPoster}, logs the attempt and updates the delivery in one transaction, and when the
 * delivery finishes counts it for its subscription — a success resets the count, {@link
 * #DISABLE_AFTER} failed deliveries in a row disable the subscription and tell every active admin
 * in the in-app feed (never through a webhook).
 */
public class WebhookDeliveryActivitiesImpl implements WebhookDeliveryActivities {
  /** Deliveries that failed for good in a row before the subscription is disabled. */
  public static final int DISABLE_AFTER = 5;

  public static final String DISABLED_EVENT = "WEBHOOK_DISABLED";

  private final WebhookDeliveryRepository deliveries;
  private final NotificationRepository notifications;
  private final AgentRepository agents;
  private final WebhookPoster poster;
  private final JsonMapper json;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public WebhookDeliveryActivitiesImpl(
      WebhookDeliveryRepository deliveries,
      NotificationRepository notifications,
      AgentRepository agents,
      WebhookPoster poster,
      JsonMapper json,
      TransactionTemplate transaction,
      Clock clock) {
    this.deliveries = deliveries;
    this.notifications = notifications;
    this.agents = agents;
    this.poster = poster;
    this.json = json;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public WebhookAttemptOutcome attempt(WebhookAttempt attempt) {
    Optional<DeliveryToSend> found = deliveries.find(attempt.deliveryId());
    if (found.isEmpty()) {
      return WebhookAttemptOutcome.finished(CANCELLED); // deleted with its subscription
    }
    WebhookDeliveriesRecord delivery = found.get().delivery();
    WebhookSubscriptionsRecord subscription = found.get().subscription();
    if (delivery.getFinishedAt() != null) {
      return WebhookAttemptOutcome.finished(delivery.getStatus());
    }
    if (delivery.getAttempts() >= attempt.attempt()) {
      return recorded(delivery); // this attempt was made and recorded; the activity is retried
    }
    if (!subscription.getEnabled()) {
      OffsetDateTime now = now();
      deliveries.update(
          delivery.getId(),
          CANCELLED,
          delivery.getAttempts(),
          delivery.getLastStatusCode(),
          "the subscription was disabled",
          null,
          now);
      return WebhookAttemptOutcome.finished(CANCELLED);
    }
    WebhookPoster.Result result = poster.post(post(found.get()));
    return transaction.execute(status -> record(found.get(), attempt, result));
  }

  private WebhookPoster.Post post(DeliveryToSend send) {
    URI url;
    try {
      url = URI.create(send.subscription().getUrl());
    } catch (IllegalArgumentException notAUri) {
      url = URI.create("invalid:");
    }
    return new WebhookPoster.Post(
        url,
        send.subscription().getSecret(),
        send.subscription().getAllowPrivateNetwork(),
        send.event().getType(),
        send.event().getId(),
        send.delivery().getId(),
        WebhookBody.of(send.event(), json));
  }

  private WebhookAttemptOutcome record(
      DeliveryToSend send, WebhookAttempt attempt, WebhookPoster.Result result) {
    long deliveryId = send.delivery().getId();
    long subscriptionId = send.subscription().getId();
    deliveries.logAttempt(
        new WebhookAttemptsRecord()
            .setDeliveryId(deliveryId)
            .setAttempt(attempt.attempt())
            .setStartedAt(result.startedAt().atOffset(ZoneOffset.UTC))
            .setDurationMs(result.durationMs())
            .setStatusCode(result.statusCode())
            .setResponseExcerpt(result.excerpt())
            .setError(result.error()));
    OffsetDateTime now = now();
    if (result.delivered()) {
      deliveries.update(
          deliveryId, DELIVERED, attempt.attempt(), result.statusCode(), null, null, now);
      deliveries.resetFailures(subscriptionId);
      return WebhookAttemptOutcome.finished(DELIVERED);
    }
    Duration pause =
        result.permanent()
            ? null
            : WebhookRetrySchedule.nextPause(
                attempt.attempt(), Duration.ofMillis(attempt.elapsedMillis()), result.retryAfter());
    if (pause != null) {
      deliveries.update(
          deliveryId,
          RETRYING,
          attempt.attempt(),
          result.statusCode(),
          result.error(),
          now.plus(pause),
          null);
      return new WebhookAttemptOutcome(RETRYING, pause.toMillis());
    }
    String error =
        result.permanent()
            ? result.error()
            : "gave up after " + attempt.attempt() + " attempts: " + result.error();
    deliveries.update(deliveryId, FAILED, attempt.attempt(), result.statusCode(), error, null, now);
    if (deliveries.countFailure(subscriptionId) >= DISABLE_AFTER) {
      disable(send.subscription(), error, now);
    }
    return WebhookAttemptOutcome.finished(FAILED);
  }

  private void disable(
      WebhookSubscriptionsRecord subscription, String lastError, OffsetDateTime now) {
    String reason =
        "the last " + DISABLE_AFTER + " deliveries failed (the last: " + lastError + ")";
    if (!deliveries.disable(subscription.getId(), reason, now)) {
      return; // already disabled
    }
    String episode = "webhook-disabled:%d:%d".formatted(subscription.getId(), now.toEpochSecond());
    for (AgentsRecord admin : agents.listActiveWithRole("ADMIN")) {
      notifications.insertAgentNotice(
          episode,
          admin.getId(),
          DISABLED_EVENT,
          "Webhook " + subscription.getName() + " was disabled",
          "Tempodesk stopped posting to "
              + subscription.getUrl()
              + " because "
              + reason
              + ". Fix the receiver, then enable the subscription again on the Webhooks page.",
          now);
    }
  }

  private WebhookAttemptOutcome recorded(WebhookDeliveriesRecord delivery) {
    if (!RETRYING.equals(delivery.getStatus()) || delivery.getNextAttemptAt() == null) {
      return WebhookAttemptOutcome.finished(delivery.getStatus());
    }
    Duration left = Duration.between(clock.instant(), delivery.getNextAttemptAt().toInstant());
    return new WebhookAttemptOutcome(RETRYING, Math.max(0, left.toMillis()));
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
