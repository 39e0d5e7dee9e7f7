package dev.tempodesk.api.webhook;

import dev.tempodesk.activities.webhook.WebhookDispatcher;
import dev.tempodesk.activities.webhook.WebhookTargets;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Webhook subscriptions' API side: the SSRF rule and the dispatcher (issue 22.2). */
@Configuration(proxyBeanMethods = false)
class WebhookApiConfig {

  /** The SSRF rule, with the operator's TEMPODESK_WEBHOOK_ALLOWED_NETWORKS (CIDRs, optional). */
  @Bean
  WebhookTargets webhookTargets(
      @Value("${TEMPODESK_WEBHOOK_ALLOWED_NETWORKS:}") String allowedNetworks) {
    return WebhookTargets.withAllowedNetworks(allowedNetworks);
  }

  @Bean
  WebhookDispatcher webhookDispatcher(
      WebhookDispatchRepository repository,
      TransactionTemplate transaction,
      WorkflowClient client,
      TempodeskProperties properties,
      Clock clock) {
    return new WebhookDispatcher(
        repository,
        transaction,
        WebhookDispatcher.Starter.over(client, properties.taskQueue()),
        properties.publicBaseUrl(),
        clock);
  }

  @Bean
  WebhookDispatchLoop webhookDispatchLoop(WebhookDispatcher dispatcher, Clock clock) {
    return new WebhookDispatchLoop(dispatcher, Duration.ofSeconds(1), clock);
  }
}
