package dev.tempodesk.api.config;

import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tempodesk's own settings ({@code tempodesk.*} in application.yaml).
 *
 * @param taskQueue the Temporal task queue of every workflow and activity
 * @param reopenWindow how long a customer message reopens a CLOSED ticket
 * @param maxPending the longest suspension an agent may set
 * @param demo whether to seed demo data into an empty database (embedded mode)
 * @param publicBaseUrl where users reach Tempodesk; OAuth callbacks are built from it
 * @param sla SLA targets per priority ({@code tempodesk.sla.urgent.to-assign: PT15M}); priorities
 *     left out keep the defaults of DESIGN.md
 * @param notifications the outbound webhook and the per-person rate limit of notifications
 * @param oauth the key that signs the hosted-OAuth state
 */
@ConfigurationProperties("tempodesk")
public record TempodeskProperties(
    String taskQueue,
    Duration reopenWindow,
    Duration maxPending,
    boolean demo,
    String publicBaseUrl,
    Nylas nylas,
    Mail mail,
    SlaPolicy sla,
    Notifications notifications,
    OAuth oauth) {

  /**
   * The Nylas application. Without an API key Tempodesk runs its demo mailbox (see EmbeddedMode).
   */
  public record Nylas(
      String apiKey, String apiUri, String clientId, String webhookSecret, String grantId) {}

  /**
   * @param pollInterval pause between two passes of a mailbox sync (webhooks cut it short)
   * @param overlap how far before its cursor each pass lists again
   * @param quarantineAfterAttempts failed attempts at one message (one per pass) before it waits in
   *     quarantine for a person (TEMPODESK_MAIL_QUARANTINE_AFTER_ATTEMPTS)
   */
  public record Mail(Duration pollInterval, Duration overlap, Integer quarantineAfterAttempts) {
    public Mail {
      pollInterval = pollInterval == null ? Duration.ofSeconds(15) : pollInterval;
      overlap = overlap == null ? Duration.ofMinutes(2) : overlap;
      quarantineAfterAttempts = quarantineAfterAttempts == null ? 3 : quarantineAfterAttempts;
    }
  }

  /**
   * @param webhookUrl where the outbound webhook posts (TEMPODESK_NOTIFY_WEBHOOK_URL); blank turns
   *     the webhook off. It is the ENVIRONMENT webhook subscription (event type notification).
   * @param webhookSecret that subscription's signing secret (TEMPODESK_NOTIFY_WEBHOOK_SECRET, at
   *     least 16 characters); blank: the one it has, or a generated one
   * @param limitPerMinute email (and separately webhook) notifications per person per minute; more
   *     are recorded as SUPPRESSED (TEMPODESK_NOTIFY_LIMIT_PER_MINUTE)
   */
  public record Notifications(String webhookUrl, String webhookSecret, Integer limitPerMinute) {
    public Notifications {
      webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
      webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
      limitPerMinute = limitPerMinute == null ? 10 : limitPerMinute;
    }
  }

  /**
   * @param stateSecret the key that signs the OAuth {@code state}, the same on every replica
   *     (TEMPODESK_OAUTH_STATE_SECRET, at least 32 characters); blank: a key generated once and
   *     kept in the database
   */
  public record OAuth(String stateSecret) {
    public OAuth {
      stateSecret = stateSecret == null || stateSecret.isBlank() ? null : stateSecret.strip();
    }
  }

  public TempodeskProperties {
    taskQueue = taskQueue == null ? "tempodesk" : taskQueue;
    reopenWindow = reopenWindow == null ? Duration.ofDays(7) : reopenWindow;
    maxPending = maxPending == null ? Duration.ofDays(30) : maxPending;
    publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl;
    nylas = nylas == null ? new Nylas(null, null, null, null, null) : nylas;
    mail = mail == null ? new Mail(null, null, null) : mail;
    sla = sla == null ? SlaPolicy.defaults() : sla;
    notifications = notifications == null ? new Notifications(null, null, null) : notifications;
    oauth = oauth == null ? new OAuth(null) : oauth;
  }

  public TicketPolicy ticketPolicy() {
    return new TicketPolicy(reopenWindow, maxPending, 0, sla);
  }
}
