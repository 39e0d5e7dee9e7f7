package dev.tempodesk.api.webhook;

import dev.tempodesk.activities.webhook.WebhookDispatcher;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook subscriptions' API side: the dispatcher (issue 22.2). The SSRF rule's bean is
 * WebhookConfig's.
 */
@Configuration(proxyBeanMethods = false)
class WebhookApiConfig {

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
