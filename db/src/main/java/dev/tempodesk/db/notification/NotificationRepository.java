package dev.tempodesk.db.notification;

import static dev.tempodesk.db.jooq.Tables.CUSTOMER_LOAD_ALERTS;
import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;
import static dev.tempodesk.db.jooq.Tables.NOTIFICATION_RATE_WINDOWS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.Keys;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Notifications: the in-app feed and the outbox of email and webhook deliveries, one row per dedupe
 * key, plus the rate limit's windows.
 */
@Repository
public class NotificationRepository {
  public static final String IN_APP = "IN_APP";
  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
  public static final String SUPPRESSED = "SUPPRESSED";

  private final DSLContext dsl;

  public NotificationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Stores the notification unless its dedupe key exists; returns whether it was new. */
  public boolean insertIfAbsent(NotificationsRecord notification) {
    return dsl.insertInto(NOTIFICATIONS).set(notification).onConflictDoNothing().execute() == 1;
  }

  /**
   * An in-app entry for an agent about no ticket (e.g. for admins), stored once per {@code episode}
   * and agent: a repeated trigger adds nothing. Returns whether it was new.
   */
  public boolean insertAgentNotice(
      String episode,
      long agentId,
      String eventKind,
      String title,
      String body,
      OffsetDateTime at) {
    return insertIfAbsent(
        new NotificationsRecord()
            .setDedupeKey("%s|AGENT:%d|%s".formatted(episode, agentId, IN_APP))
            .setRecipientKind("AGENT")
            .setRecipientId(agentId)
            .setChannel(IN_APP)
            .setEventKind(eventKind)
            .setTitle(title)
            .setBody(body)
            .setStatus(SENT)
            .setSentAt(at)
            .setCreatedAt(at));
  }

  public boolean exists(String dedupeKey) {
    return dsl.fetchExists(NOTIFICATIONS, NOTIFICATIONS.DEDUPE_KEY.eq(dedupeKey));
  }

  /**
   * Takes one slot of the recipient's rate-limit window on a channel and returns how many slots are
   * taken now, this one included. A single statement: concurrent callers (any replica) each get a
   * distinct count.
   */
  public int takeRateSlot(
      String recipientKind, long recipientId, String channel, OffsetDateTime windowStart) {
    return dsl.insertInto(NOTIFICATION_RATE_WINDOWS)
        .set(NOTIFICATION_RATE_WINDOWS.RECIPIENT_KIND, recipientKind)
        .set(NOTIFICATION_RATE_WINDOWS.RECIPIENT_ID, recipientId)
        .set(NOTIFICATION_RATE_WINDOWS.CHANNEL, channel)
        .set(NOTIFICATION_RATE_WINDOWS.WINDOW_START, windowStart)
        .set(NOTIFICATION_RATE_WINDOWS.TAKEN, 1)
        .onConflictOnConstraint(Keys.NOTIFICATION_RATE_WINDOWS_PK)
        .doUpdate()
        .set(NOTIFICATION_RATE_WINDOWS.TAKEN, NOTIFICATION_RATE_WINDOWS.TAKEN.plus(1))
        .returning(NOTIFICATION_RATE_WINDOWS.TAKEN)
        .fetchOne(NOTIFICATION_RATE_WINDOWS.TAKEN);
  }

  /** The email and webhook rows of a notice that still have to go out. */
  public List<NotificationsRecord> undeliveredOf(String noticeId) {
    return dsl.selectFrom(NOTIFICATIONS)
        .where(
            NOTIFICATIONS.DEDUPE_KEY.startsWith(noticeId + "|"),
            NOTIFICATIONS.CHANNEL.ne(IN_APP),
            NOTIFICATIONS.STATUS.in(PENDING, FAILED))
        .orderBy(NOTIFICATIONS.ID)
        .fetch();
  }

  public void markSent(long id, OffsetDateTime at) {
    dsl.update(NOTIFICATIONS)
        .set(NOTIFICATIONS.STATUS, SENT)
        .set(NOTIFICATIONS.SENT_AT, at)
        .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
        .set(NOTIFICATIONS.LAST_ERROR, (String) null)
        .where(NOTIFICATIONS.ID.eq(id))
        .execute();
  }

  /**
   * After Nylas answered the email's send of attempt {@code from} with an error (replayed for that
   * key for an hour), moves it on to the next attempt and key.
   */
  public void nextSendAttempt(long id, int from) {
    dsl.update(NOTIFICATIONS)
        .set(NOTIFICATIONS.SEND_ATTEMPT, from + 1)
        .where(NOTIFICATIONS.ID.eq(id), NOTIFICATIONS.SEND_ATTEMPT.eq(from))
        .execute();
  }

  public void markFailed(long id, String error) {
    dsl.update(NOTIFICATIONS)
        .set(NOTIFICATIONS.STATUS, FAILED)
        .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
        .set(NOTIFICATIONS.LAST_ERROR, error)
        .where(NOTIFICATIONS.ID.eq(id))
        .execute();
  }

  /** A page of the recipient's in-app feed, newest first, below {@code beforeId} if given. */
  public List<NotificationsRecord> feed(
      String recipientKind, long recipientId, Long beforeId, int limit) {
    return dsl.selectFrom(NOTIFICATIONS)
        .where(
            NOTIFICATIONS.RECIPIENT_KIND.eq(recipientKind),
            NOTIFICATIONS.RECIPIENT_ID.eq(recipientId),
            NOTIFICATIONS.CHANNEL.eq(IN_APP),
            beforeId == null ? DSL.noCondition() : NOTIFICATIONS.ID.lt(beforeId))
        .orderBy(NOTIFICATIONS.ID.desc())
        .limit(limit)
        .fetch();
  }

  public int unreadCount(String recipientKind, long recipientId) {
    return dsl.fetchCount(
        NOTIFICATIONS,
        NOTIFICATIONS.RECIPIENT_KIND.eq(recipientKind),
        NOTIFICATIONS.RECIPIENT_ID.eq(recipientId),
        NOTIFICATIONS.CHANNEL.eq(IN_APP),
        NOTIFICATIONS.READ_AT.isNull());
  }

  /** The recipient's own in-app entry, if it exists. */
  public Optional<NotificationsRecord> findInFeed(
      String recipientKind, long recipientId, long notificationId) {
    return dsl.selectFrom(NOTIFICATIONS)
        .where(
            NOTIFICATIONS.ID.eq(notificationId),
            NOTIFICATIONS.RECIPIENT_KIND.eq(recipientKind),
            NOTIFICATIONS.RECIPIENT_ID.eq(recipientId),
            NOTIFICATIONS.CHANNEL.eq(IN_APP))
        .fetchOptional();
  }

  /** Marks one entry read; an entry read before keeps its first read time. */
  public void markRead(
      String recipientKind, long recipientId, long notificationId, OffsetDateTime at) {
    dsl.update(NOTIFICATIONS)
        .set(NOTIFICATIONS.READ_AT, at)
        .where(
            NOTIFICATIONS.ID.eq(notificationId),
            NOTIFICATIONS.RECIPIENT_KIND.eq(recipientKind),
            NOTIFICATIONS.RECIPIENT_ID.eq(recipientId),
            NOTIFICATIONS.CHANNEL.eq(IN_APP),
            NOTIFICATIONS.READ_AT.isNull())
        .execute();
  }

  /** Marks every unread entry of the recipient read; returns how many. */
  public int markAllRead(String recipientKind, long recipientId, OffsetDateTime at) {
    return dsl.update(NOTIFICATIONS)
        .set(NOTIFICATIONS.READ_AT, at)
        .where(
            NOTIFICATIONS.RECIPIENT_KIND.eq(recipientKind),
            NOTIFICATIONS.RECIPIENT_ID.eq(recipientId),
            NOTIFICATIONS.CHANNEL.eq(IN_APP),
            NOTIFICATIONS.READ_AT.isNull())
        .execute();
  }

  /**
   * Serialises the open-ticket count of one customer until the transaction ends, so a crossing of
   * the limit is seen by exactly one of two concurrent checks.
   */
  public void lockCustomerLoad(long contactId) {
    dsl.select(
            DSL.function(
                "pg_advisory_xact_lock",
                Object.class,
                DSL.function(
                    "hashtextextended",
                    Long.class,
                    DSL.val("customer-load:" + contactId),
                    DSL.val(0L))))
        .fetch();
  }

  public int countOpenTicketsOf(long contactId) {
    return dsl.fetchCount(TICKETS, TICKETS.REPORTER_ID.eq(contactId), TICKETS.STATUS.ne("CLOSED"));
  }

  /** Records that managers were told about this customer; false if they already were. */
  public boolean raiseCustomerAlert(long contactId, String noticeId) {
    return dsl.insertInto(CUSTOMER_LOAD_ALERTS)
            .set(CUSTOMER_LOAD_ALERTS.CONTACT_ID, contactId)
            .set(CUSTOMER_LOAD_ALERTS.NOTICE_ID, noticeId)
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** The notice that raised the customer's current alert, if one is raised. */
  public Optional<String> customerAlertNotice(long contactId) {
    return dsl.select(CUSTOMER_LOAD_ALERTS.NOTICE_ID)
        .from(CUSTOMER_LOAD_ALERTS)
        .where(CUSTOMER_LOAD_ALERTS.CONTACT_ID.eq(contactId))
        .fetchOptional(CUSTOMER_LOAD_ALERTS.NOTICE_ID);
  }

  public void clearCustomerAlert(long contactId) {
    dsl.deleteFrom(CUSTOMER_LOAD_ALERTS)
        .where(CUSTOMER_LOAD_ALERTS.CONTACT_ID.eq(contactId))
        .execute();
  }
}
