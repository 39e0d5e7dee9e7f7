package dev.tempodesk.api.config;

import dev.tempodesk.activities.webhook.WebhookDeliveryActivitiesImpl;
import dev.tempodesk.activities.webhook.WebhookPoster;
import dev.tempodesk.activities.webhook.WebhookTargets;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.webhook.WebhookDeliveryRepository;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries (docs/webhooks.md): the SSRF rule and the delivery workflow's activities. */
@Configuration
class WebhookConfig {

  /** The SSRF rule with the operator's allow-list; a malformed list stops the start. */
  @Bean
  WebhookTargets webhookTargets(
      @Value("${tempodesk.webhooks.allowed-networks:}") String allowedNetworks) {
    try {
      return WebhookTargets.withAllowedNetworks(allowedNetworks);
    } catch (IllegalArgumentException malformed) {
      throw new InvalidSettingException(
          WebhookTargets.ALLOWED_NETWORKS_VARIABLE, malformed.getMessage());
    }
  }

  @Bean("webhookDeliveryActivities")
  WebhookDeliveryActivitiesImpl webhookDeliveryActivities(
      WebhookTargets targets,
      WebhookDeliveryRepository deliveries,
      NotificationRepository notifications,
      AgentRepository agents,
      JsonMapper json,
      TransactionTemplate transaction,
      Clock clock) {
    return new WebhookDeliveryActivitiesImpl(
        deliveries,
        notifications,
        agents,
        new WebhookPoster(targets, WebhookPoster.defaultClient(), clock),
        json,
        transaction,
        clock);
  }
}
