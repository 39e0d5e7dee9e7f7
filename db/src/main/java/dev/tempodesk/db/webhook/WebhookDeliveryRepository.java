package dev.tempodesk.db.webhook;

import static dev.tempodesk.db.jooq.Tables.WEBHOOK_ATTEMPTS;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_EVENTS;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_SUBSCRIPTIONS;

import dev.tempodesk.db.jooq.tables.records.WebhookAttemptsRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookDeliveriesRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookEventsRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookSubscriptionsRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The delivery side of webhooks: what a delivery posts, its attempt log, its status, and the
 * subscription's count of deliveries that failed in a row (which disables it at a limit).
 */
@Repository
public class WebhookDeliveryRepository {
  public static final String DELIVERED = "DELIVERED";
  public static final String RETRYING = "RETRYING";
  public static final String FAILED = "FAILED";
  public static final String CANCELLED = "CANCELLED";

  /** A delivery with its subscription and event. */
  public record DeliveryToSend(
      WebhookDeliveriesRecord delivery,
      WebhookSubscriptionsRecord subscription,
      WebhookEventsRecord event) {}

  private final DSLContext dsl;

  public WebhookDeliveryRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Empty when the delivery is gone (its subscription was deleted). */
  public Optional<DeliveryToSend> find(long deliveryId) {
    return dsl.select(WEBHOOK_DELIVERIES, WEBHOOK_SUBSCRIPTIONS, WEBHOOK_EVENTS)
        .from(WEBHOOK_DELIVERIES)
        .join(WEBHOOK_SUBSCRIPTIONS)
        .on(WEBHOOK_SUBSCRIPTIONS.ID.eq(WEBHOOK_DELIVERIES.SUBSCRIPTION_ID))
        .join(WEBHOOK_EVENTS)
        .on(WEBHOOK_EVENTS.ID.eq(WEBHOOK_DELIVERIES.EVENT_ID))
        .where(WEBHOOK_DELIVERIES.ID.eq(deliveryId))
        .fetchOptional(
            record -> new DeliveryToSend(record.value1(), record.value2(), record.value3()));
  }

  /** Logs an attempt once (a retried activity does not log it twice). */
  public void logAttempt(WebhookAttemptsRecord attempt) {
    dsl.insertInto(WEBHOOK_ATTEMPTS).set(attempt).onConflictDoNothing().execute();
  }

  /** The delivery after an attempt: still RETRYING (with its next attempt's time) or finished. */
  public void update(
      long deliveryId,
      String status,
      int attempts,
      Integer statusCode,
      String error,
      OffsetDateTime nextAttemptAt,
      OffsetDateTime finishedAt) {
    dsl.update(WEBHOOK_DELIVERIES)
        .set(WEBHOOK_DELIVERIES.STATUS, status)
        .set(WEBHOOK_DELIVERIES.ATTEMPTS, attempts)
        .set(WEBHOOK_DELIVERIES.LAST_STATUS_CODE, statusCode)
        .set(WEBHOOK_DELIVERIES.LAST_ERROR, error)
        .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, nextAttemptAt)
        .set(WEBHOOK_DELIVERIES.FINISHED_AT, finishedAt)
        .where(WEBHOOK_DELIVERIES.ID.eq(deliveryId))
        .execute();
  }

  /** A delivery of the subscription succeeded: the failures in a row start again at zero. */
  public void resetFailures(long subscriptionId) {
    dsl.update(WEBHOOK_SUBSCRIPTIONS)
        .set(WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES, 0)
        .where(WEBHOOK_SUBSCRIPTIONS.ID.eq(subscriptionId))
        .and(WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES.ne(0))
        .execute();
  }

  /** A delivery failed for good; returns the failures in a row now. */
  public int countFailure(long subscriptionId) {
    return dsl.update(WEBHOOK_SUBSCRIPTIONS)
        .set(
            WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES,
            WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES.plus(1))
        .where(WEBHOOK_SUBSCRIPTIONS.ID.eq(subscriptionId))
        .returning(WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES)
        .fetchOptional(WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES)
        .orElse(0);
  }

  /** Disables an enabled subscription; true when this call disabled it. */
  public boolean disable(long subscriptionId, String reason, OffsetDateTime at) {
    return dsl.update(WEBHOOK_SUBSCRIPTIONS)
            .set(WEBHOOK_SUBSCRIPTIONS.ENABLED, false)
            .set(WEBHOOK_SUBSCRIPTIONS.DISABLED_AT, at)
            .set(WEBHOOK_SUBSCRIPTIONS.DISABLED_REASON, reason)
            .set(WEBHOOK_SUBSCRIPTIONS.UPDATED_AT, at)
            .where(WEBHOOK_SUBSCRIPTIONS.ID.eq(subscriptionId))
            .and(WEBHOOK_SUBSCRIPTIONS.ENABLED)
            .execute()
        == 1;
  }
}
