package dev.tempodesk.api.embedded;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.nylas.InboundFile;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's conversation with files: a customer mail to the demo mailbox with an inline screenshot
 * (referenced by {@code cid:} in its HTML) and a PDF, which the real sync turns into a ticket and
 * whose files it fetches. Sent once per database.
 */
@Component
class DemoMailConversation {
  static final String SUBJECT = "Label printer shows an error after the update";

  private final TempodeskProperties properties;
  private final ObjectProvider<DemoMailbox> demoMailbox;
  private final DSLContext dsl;

  DemoMailConversation(
      TempodeskProperties properties, ObjectProvider<DemoMailbox> demoMailbox, DSLContext dsl) {
    this.properties = properties;
    this.demoMailbox = demoMailbox;
    this.dsl = dsl;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void sendOnce() {
    DemoMailbox mailbox = demoMailbox.getIfAvailable();
    if (!properties.demo()
        || mailbox == null
        || dsl.fetchExists(MESSAGES, MESSAGES.SUBJECT.eq(SUBJECT))) {
      return;
    }
    mailbox.server().receive(DemoMailbox.GRANT_ID, mail());
  }

  static InboundEmail mail() {
    return InboundEmail.of(
            "Paula Printer",
            "paula@globex.example",
            SUBJECT,
            "<p>Hello support,</p><p>since this morning's update the label printer shows this:</p>"
                + "<p><img src=\"cid:screenshot-1@globex.example\" alt=\"Error dialog\"></p>"
                + "<p>The delivery note it should print is attached.</p><p>Paula</p>")
        .withAttachments(
            List.of(
                InboundFile.inline(
                    "screenshot.png",
                    "image/png",
                    DemoFiles.screenshotPng(),
                    "screenshot-1@globex.example"),
                InboundFile.attached(
                    "delivery-note-G-20417.pdf",
                    "application/pdf",
                    DemoFiles.pdf("Delivery note G-20417: 3 office chairs"))));
  }
}
