package dev.tempodesk.db.webhook;

import static dev.tempodesk.db.jooq.Tables.WEBHOOK_ATTEMPTS;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_EVENTS;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_SUBSCRIPTIONS;

import dev.tempodesk.db.jooq.tables.records.WebhookAttemptsRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookSubscriptionsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions as admins manage them, and each one's delivery log (issue 22.2). */
@Repository
public class WebhookSubscriptionRepository {
  private final DSLContext dsl;

  public WebhookSubscriptionRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** What an admin sets (everything but the secret). Empty filters: every group / priority. */
  public record Fields(
      String name,
      String url,
      List<String> eventTypes,
      List<Long> groupIds,
      List<String> priorities,
      boolean enabled,
      boolean allowPrivateNetwork) {}

  /** One delivery in the log, with the event it carried and its attempts, oldest first. */
  public record Delivery(
      long id,
      long eventId,
      String eventType,
      Long ticketNumber,
      OffsetDateTime occurredAt,
      Long redeliveryOf,
      String status,
      int attempts,
      Integer lastStatusCode,
      String lastError,
      OffsetDateTime nextAttemptAt,
      OffsetDateTime createdAt,
      OffsetDateTime finishedAt,
      List<WebhookAttemptsRecord> attemptLog) {}

  public List<WebhookSubscriptionsRecord> listAll() {
    return dsl.selectFrom(WEBHOOK_SUBSCRIPTIONS).orderBy(WEBHOOK_SUBSCRIPTIONS.ID).fetch();
  }

  public Optional<WebhookSubscriptionsRecord> find(long id) {
    return dsl.selectFrom(WEBHOOK_SUBSCRIPTIONS)
        .where(WEBHOOK_SUBSCRIPTIONS.ID.eq(id))
        .fetchOptional();
  }

  public WebhookSubscriptionsRecord insert(Fields fields, String secret, Long createdBy) {
    return dsl.insertInto(WEBHOOK_SUBSCRIPTIONS)
        .set(WEBHOOK_SUBSCRIPTIONS.NAME, fields.name())
        .set(WEBHOOK_SUBSCRIPTIONS.URL, fields.url())
        .set(WEBHOOK_SUBSCRIPTIONS.SECRET, secret)
        .set(WEBHOOK_SUBSCRIPTIONS.EVENT_TYPES, fields.eventTypes().toArray(String[]::new))
        .set(WEBHOOK_SUBSCRIPTIONS.GROUP_IDS, fields.groupIds().toArray(Long[]::new))
        .set(WEBHOOK_SUBSCRIPTIONS.PRIORITIES, fields.priorities().toArray(String[]::new))
        .set(WEBHOOK_SUBSCRIPTIONS.ENABLED, fields.enabled())
        .set(WEBHOOK_SUBSCRIPTIONS.ALLOW_PRIVATE_NETWORK, fields.allowPrivateNetwork())
        .set(WEBHOOK_SUBSCRIPTIONS.CREATED_BY, createdBy)
        .returning()
        .fetchSingle();
  }

  /**
   * Replaces what an admin sets. Enabling a disabled subscription starts its failure count afresh
   * and clears why it was disabled. Empty when there is no such subscription.
   */
  public Optional<WebhookSubscriptionsRecord> update(long id, Fields fields) {
    var reEnabled = DSL.val(fields.enabled()).isTrue().and(WEBHOOK_SUBSCRIPTIONS.ENABLED.isFalse());
    return dsl.update(WEBHOOK_SUBSCRIPTIONS)
        .set(WEBHOOK_SUBSCRIPTIONS.NAME, fields.name())
        .set(WEBHOOK_SUBSCRIPTIONS.URL, fields.url())
        .set(WEBHOOK_SUBSCRIPTIONS.EVENT_TYPES, fields.eventTypes().toArray(String[]::new))
        .set(WEBHOOK_SUBSCRIPTIONS.GROUP_IDS, fields.groupIds().toArray(Long[]::new))
        .set(WEBHOOK_SUBSCRIPTIONS.PRIORITIES, fields.priorities().toArray(String[]::new))
        .set(WEBHOOK_SUBSCRIPTIONS.ALLOW_PRIVATE_NETWORK, fields.allowPrivateNetwork())
        .set(
            WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES,
            DSL.when(reEnabled, DSL.val(0)).otherwise(WEBHOOK_SUBSCRIPTIONS.CONSECUTIVE_FAILURES))
        .set(
            WEBHOOK_SUBSCRIPTIONS.DISABLED_AT,
            DSL.when(
                    DSL.val(fields.enabled()).isTrue(),
                    DSL.val((OffsetDateTime) null, WEBHOOK_SUBSCRIPTIONS.DISABLED_AT))
                .otherwise(WEBHOOK_SUBSCRIPTIONS.DISABLED_AT))
        .set(
            WEBHOOK_SUBSCRIPTIONS.DISABLED_REASON,
            DSL.when(
                    DSL.val(fields.enabled()).isTrue(),
                    DSL.val((String) null, WEBHOOK_SUBSCRIPTIONS.DISABLED_REASON))
                .otherwise(WEBHOOK_SUBSCRIPTIONS.DISABLED_REASON))
        .set(WEBHOOK_SUBSCRIPTIONS.ENABLED, fields.enabled())
        .set(WEBHOOK_SUBSCRIPTIONS.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(WEBHOOK_SUBSCRIPTIONS.ID.eq(id))
        .returning()
        .fetchOptional();
  }

  public boolean delete(long id) {
    return dsl.deleteFrom(WEBHOOK_SUBSCRIPTIONS).where(WEBHOOK_SUBSCRIPTIONS.ID.eq(id)).execute()
        == 1;
  }

  public boolean replaceSecret(long id, String secret) {
    return dsl.update(WEBHOOK_SUBSCRIPTIONS)
            .set(WEBHOOK_SUBSCRIPTIONS.SECRET, secret)
            .set(WEBHOOK_SUBSCRIPTIONS.UPDATED_AT, DSL.currentOffsetDateTime())
            .where(WEBHOOK_SUBSCRIPTIONS.ID.eq(id))
            .execute()
        == 1;
  }

  /** Who allowed private networks and when (null: nobody any more). */
  public void recordPrivateNetwork(long id, Long allowedBy) {
    dsl.update(WEBHOOK_SUBSCRIPTIONS)
        .set(WEBHOOK_SUBSCRIPTIONS.PRIVATE_NETWORK_ALLOWED_BY, allowedBy)
        .set(
            WEBHOOK_SUBSCRIPTIONS.PRIVATE_NETWORK_ALLOWED_AT,
            allowedBy == null ? DSL.val((OffsetDateTime) null) : DSL.currentOffsetDateTime())
        .where(WEBHOOK_SUBSCRIPTIONS.ID.eq(id))
        .execute();
  }

  /**
   * The subscription's deliveries, newest first, {@code limit} of them with ids below {@code
   * beforeId} (null: from the newest), each with its attempts.
   */
  public List<Delivery> deliveries(long subscriptionId, Long beforeId, int limit) {
    var rows =
        dsl.select(
                WEBHOOK_DELIVERIES.asterisk(),
                WEBHOOK_EVENTS.TYPE,
                WEBHOOK_EVENTS.TICKET_NUMBER,
                WEBHOOK_EVENTS.OCCURRED_AT)
            .from(WEBHOOK_DELIVERIES)
            .join(WEBHOOK_EVENTS)
            .on(WEBHOOK_EVENTS.ID.eq(WEBHOOK_DELIVERIES.EVENT_ID))
            .where(WEBHOOK_DELIVERIES.SUBSCRIPTION_ID.eq(subscriptionId))
            .and(beforeId == null ? DSL.noCondition() : WEBHOOK_DELIVERIES.ID.lt(beforeId))
            .orderBy(WEBHOOK_DELIVERIES.ID.desc())
            .limit(limit)
            .fetch();
    List<Long> ids = rows.map(row -> row.get(WEBHOOK_DELIVERIES.ID));
    Map<Long, List<WebhookAttemptsRecord>> attempts =
        ids.isEmpty()
            ? Map.of()
            : dsl
                .selectFrom(WEBHOOK_ATTEMPTS)
                .where(WEBHOOK_ATTEMPTS.DELIVERY_ID.in(ids))
                .orderBy(WEBHOOK_ATTEMPTS.ATTEMPT)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(WebhookAttemptsRecord::getDeliveryId));
    return rows.map(
        row ->
            new Delivery(
                row.get(WEBHOOK_DELIVERIES.ID),
                row.get(WEBHOOK_DELIVERIES.EVENT_ID),
                row.get(WEBHOOK_EVENTS.TYPE),
                row.get(WEBHOOK_EVENTS.TICKET_NUMBER),
                row.get(WEBHOOK_EVENTS.OCCURRED_AT),
                row.get(WEBHOOK_DELIVERIES.REDELIVERY_OF),
                row.get(WEBHOOK_DELIVERIES.STATUS),
                row.get(WEBHOOK_DELIVERIES.ATTEMPTS),
                row.get(WEBHOOK_DELIVERIES.LAST_STATUS_CODE),
                row.get(WEBHOOK_DELIVERIES.LAST_ERROR),
                row.get(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT),
                row.get(WEBHOOK_DELIVERIES.CREATED_AT),
                row.get(WEBHOOK_DELIVERIES.FINISHED_AT),
                attempts.getOrDefault(row.get(WEBHOOK_DELIVERIES.ID), List.of())));
  }

  /**
   * A new delivery of the same event to the same subscription ({@code redelivery_of} the given
   * one); empty when the subscription has no such delivery.
   */
  public Optional<Long> redeliver(long subscriptionId, long deliveryId) {
    return dsl.resultQuery(
            """
            insert into webhook_deliveries (subscription_id, event_id, redelivery_of, workflow_id)
            select d.subscription_id, d.event_id, d.id, ''
            from webhook_deliveries d
            where d.id = ? and d.subscription_id = ?
            returning id
            """,
            deliveryId,
            subscriptionId)
        .fetchOptional(0, Long.class);
  }

  /** The name of the subscription made from TEMPODESK_NOTIFY_WEBHOOK_URL. */
  public static final String ENVIRONMENT_NAME = "Notifications (TEMPODESK_NOTIFY_WEBHOOK_URL)";

  /**
   * Makes the one {@code ENVIRONMENT} subscription match the operator's setting: with a URL,
   * inserted or updated in one statement (safe when several replicas start at once), for {@code
   * notification} events, private networks allowed (the operator chose the address); its secret
   * {@code secret} when given, else the one it had, else {@code generated}. Without a URL it is
   * deleted, and its deliveries with it. Enabled/disabled is the admins' and is kept.
   */
  public void syncEnvironment(String url, String secret, String generated) {
    if (url == null) {
      dsl.deleteFrom(WEBHOOK_SUBSCRIPTIONS)
          .where(WEBHOOK_SUBSCRIPTIONS.SOURCE.eq("ENVIRONMENT"))
          .execute();
      return;
    }
    dsl.execute(
        """
        insert into webhook_subscriptions (name, url, secret, event_types, enabled,
                                           allow_private_network, source)
        values (?, ?, coalesce(?, ?), array['notification'], true, true, 'ENVIRONMENT')
        on conflict (source) where source = 'ENVIRONMENT' do update
          set name = excluded.name,
              url = excluded.url,
              secret = coalesce(?, webhook_subscriptions.secret),
              event_types = excluded.event_types,
              group_ids = '{}',
              priorities = '{}',
              allow_private_network = true,
              updated_at = now()
        """,
        ENVIRONMENT_NAME,
        url,
        secret,
        generated,
        secret);
  }

  public Optional<WebhookSubscriptionsRecord> findEnvironment() {
    return dsl.selectFrom(WEBHOOK_SUBSCRIPTIONS)
        .where(WEBHOOK_SUBSCRIPTIONS.SOURCE.eq("ENVIRONMENT"))
        .fetchOptional();
  }
}
