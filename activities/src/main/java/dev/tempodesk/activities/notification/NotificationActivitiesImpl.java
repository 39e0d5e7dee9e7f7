package dev.tempodesk.activities.notification;

import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.notification.TicketNotice;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a notice's notifications, then sends the email ones still undelivered (the webhook ones
 * are webhook events, posted by the webhook delivery workflow). A retry (or a duplicate notice)
 * finds its rows by dedupe key and sends only what is not SENT yet.
 */
public class NotificationActivitiesImpl implements NotificationActivities {
  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final NotificationOutbox outbox;
  private final NotificationRepository notifications;
  private final EmailSender email;
  private final Clock clock;

  public NotificationActivitiesImpl(
      NotificationOutbox outbox,
      NotificationRepository notifications,
      EmailSender email,
      Clock clock) {
    this.outbox = outbox;
    this.notifications = notifications;
    this.email = email;
    this.clock = clock;
  }

  @Override
  public void deliver(TicketNotice notice) {
    outbox.record(notice);
    List<NotificationsRecord> due = notifications.undeliveredOf(notice.noticeId());
    DeliveryFailure retryable = null;
    for (NotificationsRecord notification : due) {
      try {
        send(notification);
        notifications.markSent(notification.getId(), clock.instant().atOffset(ZoneOffset.UTC));
      } catch (DeliveryFailure failure) {
        if (failure.newSendAttempt()) {
          notifications.nextSendAttempt(notification.getId(), notification.getSendAttempt());
        }
        notifications.markFailed(notification.getId(), failure.getMessage());
        log.warn(
            "notification {} not delivered: {}", notification.getDedupeKey(), failure.getMessage());
        if (!failure.permanent()) {
          retryable = failure;
        }
      }
    }
    if (retryable != null) {
      throw ApplicationFailure.newFailureWithCause(
          retryable.getMessage(), "NotificationNotDelivered", retryable);
    }
  }

  private void send(NotificationsRecord notification) {
    if (!NotificationOutbox.EMAIL.equals(notification.getChannel())) {
      throw new IllegalStateException("not a channel sent from here: " + notification);
    }
    email.send(notification, nameIn(notification));
  }

  private String nameIn(NotificationsRecord notification) {
    return outbox.recipientName(notification.getRecipientKind(), notification.getRecipientId());
  }
}
