package dev.tempodesk.api;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.notification.EmailSender;
import dev.tempodesk.activities.notification.NotificationActivitiesImpl;
import dev.tempodesk.activities.notification.NotificationOutbox;
import dev.tempodesk.activities.notification.NotificationSettings;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import dev.tempodesk.workflows.notification.NotificationActivities;
import java.time.Clock;
import okhttp3.HttpUrl;

/**
 * The mail-side activities for tests whose subject is not mail: every ticket workflow needs an
 * outbox and a notifier registered, but with no mailbox connected nothing is ever sent.
 */
public final class NoMailbox {
  private NoMailbox() {}

  /** The real outbox over the test database; a send finds no mailbox and is marked FAILED. */
  public static OutboundMailActivitiesImpl outboundMail(TestJooq jooq) {
    return OutboundMailActivitiesImpl.over(
        jooq.dsl(), jooq.transactions(), unusedNylas(), Clock.systemUTC());
  }

  /** Notices are dropped: the test is about something else. */
  public static NotificationActivities ignoredNotifications() {
    return notice -> {};
  }

  /**
   * The real notification activity with the default settings and no webhook: the in-app rows are
   * written as in the app, and a notice that would be mailed finds no mailbox.
   */
  public static NotificationActivitiesImpl inAppNotifications(TestJooq jooq) {
    Clock clock = Clock.systemUTC();
    NotificationRepository notifications = new NotificationRepository(jooq.dsl());
    return new NotificationActivitiesImpl(
        new NotificationOutbox(
            notifications,
            new AgentRepository(jooq.dsl()),
            new GroupMembership(jooq.dsl()),
            new ContactRepository(jooq.dsl()),
            new WebhookDispatchRepository(jooq.dsl()),
            jooq.transactions(),
            NotificationSettings.defaults(null),
            clock),
        notifications,
        new EmailSender(
            unusedNylas(),
            new MailboxRepository(jooq.dsl()),
            new TicketRepository(jooq.dsl()),
            MailboxOutages.over(jooq.dsl(), clock)),
        clock);
  }

  /** A client that is never called, pointed at the discard port in case it were. */
  public static NylasClient unusedNylas() {
    NylasSettings settings = NylasSettings.of(HttpUrl.get("http://127.0.0.1:9/"), "unused", null);
    return new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
  }
}
