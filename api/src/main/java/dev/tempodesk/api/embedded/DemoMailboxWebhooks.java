package dev.tempodesk.api.embedded;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Points the demo mailbox's webhooks at this app once its port is known. {@code
 * TEMPODESK_DEMO_WEBHOOKS=off} leaves them off, to see (and measure) polling alone.
 */
@Component
class DemoMailboxWebhooks {
  private final ObjectProvider<DemoMailbox> demoMailbox;
  private final Environment environment;

  DemoMailboxWebhooks(ObjectProvider<DemoMailbox> demoMailbox, Environment environment) {
    this.demoMailbox = demoMailbox;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void subscribe() {
    if ("off".equalsIgnoreCase(environment.getProperty("TEMPODESK_DEMO_WEBHOOKS", "on"))) {
      return;
    }
    demoMailbox.ifAvailable(
        mailbox ->
            mailbox
                .server()
                .enableWebhooks(
                    "http://127.0.0.1:"
                        + environment.getProperty("local.server.port", "8080")
                        + "/api/webhooks/nylas",
                    DemoMailbox.WEBHOOK_SECRET));
  }
}
