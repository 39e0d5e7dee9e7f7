package dev.tempodesk.api.mail;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasGrant;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.mail.MailboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start-up: connects the support inbox named by {@code NYLAS_GRANT_ID}, if any, and makes sure
 * every connected mailbox has its sync running (the embedded Temporal server forgets them).
 */
@Component
class MailboxStartup {
  private static final Logger log = LoggerFactory.getLogger(MailboxStartup.class);

  private final TempodeskProperties properties;
  private final NylasClient nylas;
  private final MailboxRepository mailboxes;
  private final MailboxSyncs syncs;

  MailboxStartup(
      TempodeskProperties properties,
      NylasClient nylas,
      MailboxRepository mailboxes,
      MailboxSyncs syncs) {
    this.properties = properties;
    this.nylas = nylas;
    this.mailboxes = mailboxes;
    this.syncs = syncs;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  void connectConfiguredInboxAndStartSyncs() {
    String grantId = properties.nylas().grantId();
    if (grantId != null && mailboxes.findByGrant(grantId).isEmpty()) {
      NylasGrant grant = nylas.getGrant(grantId);
      mailboxes.upsert(grantId, grant.email(), grant.provider());
      log.info("Connected the support inbox {} (grant {})", grant.email(), grantId);
    }
    syncs.ensureAllRunning();
  }
}
