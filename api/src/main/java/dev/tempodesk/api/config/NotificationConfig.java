package dev.tempodesk.api.config;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.notification.EmailSender;
import dev.tempodesk.activities.notification.NotificationActivitiesImpl;
import dev.tempodesk.activities.notification.NotificationOutbox;
import dev.tempodesk.activities.notification.NotificationSettings;
import dev.tempodesk.activities.notification.WebhookSender;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.Sleeper;
import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

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
    if (notifications.limitPerMinute() < 1) {
      throw new InvalidSettingException("TEMPODESK_NOTIFY_LIMIT_PER_MINUTE", "must be at least 1");
    }
    return new NotificationSettings(url, notifications.limitPerMinute(), Duration.ofMinutes(1), 3);
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
      TransactionTemplate transaction,
      JsonMapper json,
      Clock clock) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .build();
    return new NotificationActivitiesImpl(
        new NotificationOutbox(
            notifications, agents, groups, contacts, transaction, settings, clock),
        notifications,
        new EmailSender(nylas, mailboxes, tickets, outages),
        new WebhookSender(http, json, Sleeper.system(), settings.webhookAttempts()),
        clock);
  }
}
