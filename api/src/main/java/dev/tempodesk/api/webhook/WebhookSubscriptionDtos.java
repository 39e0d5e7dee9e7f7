package dev.tempodesk.api.webhook;

import dev.tempodesk.db.jooq.tables.records.WebhookAttemptsRecord;
import dev.tempodesk.db.jooq.tables.records.WebhookSubscriptionsRecord;
import dev.tempodesk.db.webhook.WebhookSubscriptionRepository.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The JSON of {@code /api/webhook-subscriptions}. */
final class WebhookSubscriptionDtos {
  private WebhookSubscriptionDtos() {}

  @Schema(
      description =
          "A webhook subscription as written. A refusal (400/422) names the field. On update,"
              + " fields left out stay as they are.")
  record WebhookSubscriptionRequest(
      @Schema(description = "Up to 80 characters; default: the URL's host", example = "Slack")
          String name,
      @Schema(
              description =
                  "Where events are posted: http or https, at most 2000 characters; loopback,"
                      + " link-local and private addresses only with allowPrivateNetwork",
              example = "https://hooks.example.com/tempodesk")
          String url,
      @Schema(
              description =
                  "ticket.created, ticket.updated, ticket.closed, ticket.assigned,"
                      + " message.received, message.sent, sla.warning, sla.breached,"
                      + " notification; at least one",
              example = "[\"ticket.created\", \"ticket.closed\"]")
          List<String> eventTypes,
      @Schema(description = "Only tickets of these groups; empty or left out: every group")
          List<Long> groupIds,
      @Schema(description = "Only tickets of these priorities (LOW, NORMAL, HIGH, URGENT)")
          List<String> priorities,
      @Schema(description = "Default true; enabling again starts the failure count afresh")
          Boolean enabled,
      @Schema(
              description =
                  "Allow loopback, link-local and private addresses (SSRF guard off for this"
                      + " subscription; recorded with who allowed it). Default false")
          Boolean allowPrivateNetwork,
      @Schema(
              description =
                  "The signing secret, 16 to 200 characters; left out on create: one is"
                      + " generated. Not changed by update (rotate-secret instead)")
          String secret) {}

  @Schema(description = "A webhook subscription; the secret is never shown again after it is made")
  record WebhookSubscriptionDto(
      long id,
      String name,
      String url,
      List<String> eventTypes,
      List<Long> groupIds,
      List<String> priorities,
      boolean enabled,
      boolean allowPrivateNetwork,
      @Schema(
              description =
                  "API, or ENVIRONMENT: TEMPODESK_NOTIFY_WEBHOOK_URL (read-only but"
                      + " for enabled)")
          String source,
      @Schema(description = "The secret's last four characters, for telling secrets apart")
          String secretHint,
      int consecutiveFailures,
      @Schema(description = "Null: not disabled, or disabled by an admin", nullable = true)
          OffsetDateTime disabledAt,
      @Schema(description = "Why it was disabled automatically", nullable = true)
          String disabledReason,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    static WebhookSubscriptionDto from(WebhookSubscriptionsRecord row) {
      String secret = row.getSecret();
      return new WebhookSubscriptionDto(
          row.getId(),
          row.getName(),
          row.getUrl(),
          Arrays.asList(row.getEventTypes()),
          Arrays.asList(row.getGroupIds()),
          Arrays.asList(row.getPriorities()),
          Boolean.TRUE.equals(row.getEnabled()),
          Boolean.TRUE.equals(row.getAllowPrivateNetwork()),
          row.getSource(),
          "…" + secret.substring(Math.max(0, secret.length() - 4)),
          row.getConsecutiveFailures() == null ? 0 : row.getConsecutiveFailures(),
          row.getDisabledAt(),
          row.getDisabledReason(),
          row.getCreatedAt(),
          row.getUpdatedAt());
    }
  }

  @Schema(description = "A new subscription with its secret: shown this once")
  record CreatedWebhookSubscription(WebhookSubscriptionDto subscription, String secret) {}

  @Schema(description = "The new secret: shown this once; the old one signs nothing any more")
  record RotatedWebhookSecret(String secret) {}

  @Schema(
      description = "One try of a delivery: what the receiver answered, or why nothing was posted")
  record WebhookAttemptDto(
      int attempt,
      OffsetDateTime startedAt,
      int durationMs,
      @Schema(description = "Null: nothing was answered", nullable = true) Integer statusCode,
      @Schema(description = "The answer's first 1,000 characters", nullable = true)
          String responseExcerpt,
      @Schema(description = "Why nothing was posted or answered", nullable = true) String error) {
    static WebhookAttemptDto from(WebhookAttemptsRecord row) {
      return new WebhookAttemptDto(
          row.getAttempt(),
          row.getStartedAt(),
          row.getDurationMs(),
          row.getStatusCode(),
          row.getResponseExcerpt(),
          row.getError());
    }
  }

  @Schema(description = "One event delivered (or being delivered) to the subscription")
  record WebhookDeliveryDto(
      long id,
      @Schema(description = "evt_<id>, as the post's id and Idempotency-Key say") String eventId,
      String eventType,
      @Schema(nullable = true) Long ticketNumber,
      OffsetDateTime occurredAt,
      @Schema(description = "The delivery this one repeats (a redelivery)", nullable = true)
          Long redeliveryOf,
      @Schema(description = "PENDING, RETRYING, DELIVERED, FAILED or CANCELLED") String status,
      int attempts,
      @Schema(nullable = true) Integer lastStatusCode,
      @Schema(nullable = true) String lastError,
      @Schema(description = "When the next try is due (RETRYING)", nullable = true)
          OffsetDateTime nextAttemptAt,
      OffsetDateTime createdAt,
      @Schema(nullable = true) OffsetDateTime finishedAt,
      List<WebhookAttemptDto> attemptLog) {
    static WebhookDeliveryDto from(Delivery row) {
      return new WebhookDeliveryDto(
          row.id(),
          "evt_" + row.eventId(),
          row.eventType(),
          row.ticketNumber(),
          row.occurredAt(),
          row.redeliveryOf(),
          row.status(),
          row.attempts(),
          row.lastStatusCode(),
          row.lastError(),
          row.nextAttemptAt(),
          row.createdAt(),
          row.finishedAt(),
          row.attemptLog().stream().map(WebhookAttemptDto::from).toList());
    }
  }

  @Schema(description = "Deliveries newest first; nextBefore: pass as before= for the next page")
  record WebhookDeliveryPage(
      List<WebhookDeliveryDto> items,
      @Schema(description = "Null: no more pages", nullable = true) Long nextBefore) {}

  @Schema(description = "The redelivery: a new delivery of the same event")
  record WebhookRedelivery(long deliveryId) {}
}
