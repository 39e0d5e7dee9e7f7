package dev.tempodesk.db.webhook;

import static dev.tempodesk.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_EVENTS;

import dev.tempodesk.db.jooq.tables.records.WebhookEventsRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Webhook dispatch (issue 22.2): captured events (written by the V57 triggers) become deliveries,
 * one per enabled subscription whose types and filters match; deliveries whose workflow is not
 * started yet are handed out once. Rows are taken with {@code for update skip locked}, so any
 * number of replicas dispatch side by side and none takes what another is working on.
 */
@Repository
public class WebhookDispatchRepository {
  private final DSLContext dsl;

  public WebhookDispatchRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The oldest event not dispatched yet and not in {@code skipping}, locked until the transaction
   * ends; empty when there is none (or every one is being dispatched elsewhere).
   */
  public Optional<WebhookEventsRecord> lockNextUndispatched(Collection<Long> skipping) {
    return dsl.selectFrom(WEBHOOK_EVENTS)
        .where(WEBHOOK_EVENTS.DISPATCHED_AT.isNull())
        .and(
            skipping.isEmpty()
                ? org.jooq.impl.DSL.noCondition()
                : WEBHOOK_EVENTS.ID.notIn(skipping))
        .orderBy(WEBHOOK_EVENTS.ID)
        .limit(1)
        .forUpdate()
        .skipLocked()
        .fetchOptional();
  }

  /**
   * One delivery of the event to each enabled subscription that wants its type, group and priority
   * (an empty filter wants every one); a subscription that has it already gets none. Marks the
   * event dispatched and completes its payload with the ticket's web address. Returns the new
   * deliveries' ids.
   */
  public List<Long> dispatch(long eventId, String publicBaseUrl) {
    List<Long> created =
        dsl.resultQuery(
                """
                insert into webhook_deliveries (subscription_id, event_id, workflow_id)
                select s.id, e.id, ''
                from webhook_events e
                join webhook_subscriptions s
                  on s.enabled
                 and e.type = any (s.event_types)
                 and (cardinality(s.group_ids) = 0 or e.group_id = any (s.group_ids))
                 and (cardinality(s.priorities) = 0 or e.priority = any (s.priorities))
                where e.id = ?
                order by s.id
                on conflict (subscription_id, event_id) where redelivery_of is null do nothing
                returning id
                """,
                eventId)
            .fetch(0, Long.class);
    dsl.execute(
        """
        update webhook_events
           set dispatched_at = now(),
               dispatch_error = null,
               payload = case
                 when jsonb_typeof(payload -> 'ticket') = 'object' and ticket_number is not null
                 then jsonb_set(payload, '{ticket,url}',
                                to_jsonb(? || '/tickets/' || ticket_number))
                 else payload end
         where id = ?
        """,
        stripSlash(publicBaseUrl),
        eventId);
    return created;
  }

  /**
   * Counts a failed dispatch of the event; at {@code maxAttempts} the event is set aside
   * (dispatched, nothing delivered) with the reason, so the stream goes on without it.
   */
  public void recordFailure(long eventId, String reason, int maxAttempts) {
    dsl.execute(
        """
        update webhook_events
           set dispatch_attempts = dispatch_attempts + 1,
               dispatch_error = ?,
               dispatched_at = case when dispatch_attempts + 1 >= ? then now() end
         where id = ?
        """,
        reason,
        maxAttempts,
        eventId);
  }

  /** Deliveries (oldest first) whose workflow is still to be started, locked. */
  public List<Long> lockUnstarted(int limit) {
    return dsl.select(WEBHOOK_DELIVERIES.ID)
        .from(WEBHOOK_DELIVERIES)
        .where(WEBHOOK_DELIVERIES.STARTED_AT.isNull())
        .and(WEBHOOK_DELIVERIES.STATUS.in("PENDING", "RETRYING"))
        .orderBy(WEBHOOK_DELIVERIES.ID)
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .fetch(WEBHOOK_DELIVERIES.ID);
  }

  public void markStarted(long deliveryId, OffsetDateTime at) {
    dsl.update(WEBHOOK_DELIVERIES)
        .set(WEBHOOK_DELIVERIES.STARTED_AT, at)
        .where(WEBHOOK_DELIVERIES.ID.eq(deliveryId))
        .execute();
  }

  /**
   * Deletes events created before {@code before} whose deliveries have all finished (their
   * deliveries and attempts go with them); returns how many.
   */
  public int pruneBefore(OffsetDateTime before) {
    return dsl.execute(
        """
        delete from webhook_events e
         where e.created_at < ?::timestamptz
           and e.dispatched_at is not null
           and not exists (select 1 from webhook_deliveries d
                            where d.event_id = e.id and d.finished_at is null
                              and d.status in ('PENDING', 'RETRYING'))
        """,
        before);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Whether an enabled subscription wants events of this type (V57's webhook_type_wanted). */
  public boolean typeWanted(String type) {
    return dsl.fetchSingle("select webhook_type_wanted(?)", type).get(0, Boolean.class);
  }

  /** Whether an event came from this source already. */
  public boolean eventRecorded(String sourceKey) {
    return dsl.fetchExists(WEBHOOK_EVENTS, WEBHOOK_EVENTS.SOURCE_KEY.eq(sourceKey));
  }

  /** A person's notification as a webhook event; the recipient it was made for. */
  public record NotificationEvent(
      String sourceKey,
      long ticketNumber,
      String priority,
      String text,
      String eventKind,
      String title,
      String recipientKind,
      long recipientId,
      String recipientName,
      OffsetDateTime occurredAt) {}

  /**
   * Records a {@code notification} event (its payload the fields of the old notification webhook's
   * body: text, event, ticket, title, recipient, id) while an enabled subscription wants that type,
   * once per source key; the ticket's group and priority go along for the subscriptions' filters.
   * True when recorded now.
   */
  public boolean recordNotification(NotificationEvent event) {
    return dsl.execute(
            """
            insert into webhook_events (type, source_key, ticket_number, group_id, priority,
                                        payload, occurred_at)
            select 'notification', ?, ?::bigint,
                   (select t.group_id from tickets t where t.number = ?::bigint),
                   coalesce((select t.priority from tickets t where t.number = ?::bigint), ?),
                   jsonb_build_object(
                     'text', ?::text, 'event', ?::text, 'ticket', ?::bigint, 'title', ?::text,
                     'recipient', jsonb_build_object('kind', ?::text, 'id', ?::bigint,
                                                     'name', ?::text),
                     'id', ?::text),
                   ?::timestamptz
            where webhook_type_wanted('notification')
            on conflict (source_key) do nothing
            """,
            event.sourceKey(),
            event.ticketNumber(),
            event.ticketNumber(),
            event.ticketNumber(),
            event.priority(),
            event.text(),
            event.eventKind(),
            event.ticketNumber(),
            event.title(),
            event.recipientKind(),
            event.recipientId(),
            event.recipientName(),
            event.sourceKey(),
            event.occurredAt().toString())
        == 1;
  }
}
