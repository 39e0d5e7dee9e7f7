package dev.tempodesk.api.mail;

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
  private final MailboxRepository mailboxes;
  private final MailboxSyncs syncs;

  MailboxStartup(TempodeskProperties properties, MailboxRepository mailboxes, MailboxSyncs syncs) {
    this.properties = properties;
    this.mailboxes = mailboxes;
    this.syncs = syncs;
  }

  /**
   * Asks Nylas nothing: an unreachable Nylas must not stop the start. The configured grant is
   * stored as it is and its sync's first pass reads the address from Nylas (retrying with backoff
   * until Nylas answers; health and the Mailboxes page show why it waits).
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  void connectConfiguredInboxAndStartSyncs() {
    String grantId = properties.nylas().grantId();
    if (grantId != null && mailboxes.findByGrant(grantId).isEmpty()) {
      mailboxes.registerGrant(grantId);
      log.info(
          "Connected the support inbox of grant {}; its first sync pass reads its address",
          grantId);
    }
    syncs.ensureAllRunning();
  }
}
