package dev.tempodesk.api.config;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.notification.EmailSender;
import dev.tempodesk.activities.notification.NotificationActivitiesImpl;
import dev.tempodesk.activities.notification.NotificationOutbox;
import dev.tempodesk.activities.notification.NotificationSettings;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.webhook.WebhookSignature;
import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import dev.tempodesk.db.webhook.WebhookSubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class NotificationConfig {

  @Bean
  NotificationSettings notificationSettings(TempodeskProperties properties) {
    TempodeskProperties.Notifications notifications = properties.notifications();
    String url = notifications.webhookUrl();
    if (url != null && HttpUrl.parse(url) == null) {
      throw new InvalidSettingException(
          "TEMPODESK_NOTIFY_WEBHOOK_URL", "must be an http(s) URL (got '" + url + "')");
    }
    String secret = notifications.webhookSecret();
    if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
      throw new InvalidSettingException(
          "TEMPODESK_NOTIFY_WEBHOOK_SECRET", "must be 16 to 200 characters long");
    }
    if (notifications.limitPerMinute() < 1) {
      throw new InvalidSettingException("TEMPODESK_NOTIFY_LIMIT_PER_MINUTE", "must be at least 1");
    }
    return new NotificationSettings(url, notifications.limitPerMinute(), Duration.ofMinutes(1));
  }

  @Bean("notificationActivities")
  NotificationActivitiesImpl notificationActivities(
      NotificationSettings settings,
      NotificationRepository notifications,
      AgentRepository agents,
      GroupMembership groups,
      ContactRepository contacts,
      TicketRepository tickets,
      MailboxRepository mailboxes,
      MailboxOutages outages,
      NylasClient nylas,
      WebhookDispatchRepository webhookEvents,
      TransactionTemplate transaction,
      Clock clock) {
    return new NotificationActivitiesImpl(
        new NotificationOutbox(
            notifications, agents, groups, contacts, webhookEvents, transaction, settings, clock),
        notifications,
        new EmailSender(nylas, mailboxes, tickets, outages),
        clock);
  }

  /**
   * TEMPODESK_NOTIFY_WEBHOOK_URL as the ENVIRONMENT webhook subscription (issue 22.2): made or
   * updated at start when set (secret TEMPODESK_NOTIFY_WEBHOOK_SECRET, else the one it has, else a
   * generated one), deleted when unset.
   */
  @Bean
  ApplicationRunner environmentWebhookSubscription(
      NotificationSettings settings,
      TempodeskProperties properties,
      WebhookSubscriptionRepository subscriptions) {
    return arguments ->
        subscriptions.syncEnvironment(
            settings.webhookUrl(),
            properties.notifications().webhookSecret(),
            WebhookSignature.newSecret());
  }
}
