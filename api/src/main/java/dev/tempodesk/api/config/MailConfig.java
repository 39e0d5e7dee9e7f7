package dev.tempodesk.api.config;

import dev.tempodesk.activities.ActivityLiveness;
import dev.tempodesk.activities.attachment.AttachmentFetches;
import dev.tempodesk.activities.mail.InboundMailStore;
import dev.tempodesk.activities.mail.MailQuarantine;
import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.mail.MailboxSyncActivitiesImpl;
import dev.tempodesk.activities.mail.QuarantineRetry;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.workflows.NylasCallBudget;
import java.time.Clock;
import okhttp3.HttpUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MailConfig {

  @Bean
  NylasClient nylasClient(TempodeskProperties properties) {
    TempodeskProperties.Nylas nylas = properties.nylas();
    if (nylas.apiKey() == null || nylas.apiUri() == null) {
      throw new InvalidSettingException(
          "NYLAS_API_KEY", "is required unless Tempodesk runs its demo mailbox");
    }
    NylasSettings settings =
        new NylasSettings(
            HttpUrl.get(nylas.apiUri()),
            nylas.apiKey(),
            nylas.clientId(),
            NylasCallBudget.ATTEMPTS,
            NylasCallBudget.LONGEST_RETRY_WAIT);
    return new NylasClient(
        settings,
        NylasClient.defaultHttpClient(settings),
        ActivityLiveness.sleeper(),
        ActivityLiveness.progress());
  }

  @Bean
  MailboxOutages mailboxOutages(
      MailboxRepository mailboxes,
      AgentRepository agents,
      NotificationRepository notifications,
      Clock clock) {
    return new MailboxOutages(mailboxes, agents, notifications, clock);
  }

  @Bean
  MailQuarantine mailQuarantine(
      QuarantineRepository rows, TempodeskProperties properties, Clock clock) {
    int attempts = properties.mail().quarantineAfterAttempts();
    if (attempts < 1) {
      throw new InvalidSettingException(
          "TEMPODESK_MAIL_QUARANTINE_AFTER_ATTEMPTS", "must be at least 1, was " + attempts);
    }
    return new MailQuarantine(rows, clock, attempts);
  }

  @Bean("mailboxSyncActivities")
  MailboxSyncActivitiesImpl mailboxSyncActivities(
      NylasClient nylas,
      MailboxRepository mailboxes,
      MailThreadRepository threads,
      InboundMailStore store,
      OutboundMessageRepository outbound,
      TicketWorkflowGateway tickets,
      MailQuarantine quarantine,
      MailboxOutages outages,
      AttachmentFetches fetches,
      Clock clock) {
    return new MailboxSyncActivitiesImpl(
        nylas,
        mailboxes,
        threads,
        store,
        outbound,
        tickets,
        quarantine,
        outages,
        fetches,
        clock,
        MailboxSyncActivitiesImpl.DEFAULT_PAGE_SIZE);
  }

  /** "Try again" on quarantined mail, through the sync's own single-message path. */
  @Bean
  QuarantineRetry quarantineRetry(
      NylasClient nylas, MailboxSyncActivitiesImpl sync, MailQuarantine quarantine) {
    return new QuarantineRetry(nylas, sync.ingest(), quarantine);
  }
}
