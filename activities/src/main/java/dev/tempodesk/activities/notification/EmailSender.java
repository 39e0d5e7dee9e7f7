package dev.tempodesk.activities.notification;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasApiException;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasException;
import dev.tempodesk.activities.nylas.SendMessageRequest;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import java.util.List;
import java.util.Optional;

/**
 * Sends a notification email through the support mailbox: the ticket's own mailbox if it came by
 * email, else the first connected one. The dedupe key is the Nylas Idempotency-Key, so an activity
 * retried after Nylas accepted the mail (but before the row was marked SENT) does not send again.
 */
public class EmailSender {
  private final NylasClient nylas;
  private final MailboxRepository mailboxes;
  private final TicketRepository tickets;

  public EmailSender(NylasClient nylas, MailboxRepository mailboxes, TicketRepository tickets) {
    this.nylas = nylas;
    this.mailboxes = mailboxes;
    this.tickets = tickets;
  }

  public void send(NotificationsRecord notification, String recipientName) {
    MailboxesRecord mailbox =
        supportMailbox(notification.getTicketNumber())
            .orElseThrow(() -> new DeliveryFailure("no support mailbox is connected", true, null));
    SendMessageRequest mail =
        new SendMessageRequest(
            List.of(new EmailAddress(recipientName, notification.getDestination())),
            null,
            null,
            null,
            notification.getTitle(),
            notification.getBody(),
            null,
            null,
            true,
            null,
            null);
    try {
      nylas.send(mailbox.getGrantId(), mail, notification.getDedupeKey());
    } catch (NylasApiException rejected) {
      boolean permanent =
          rejected.status() >= 400 && rejected.status() < 500 && rejected.status() != 429;
      throw new DeliveryFailure("Nylas: " + rejected.getMessage(), permanent, rejected);
    } catch (NylasException failed) {
      throw new DeliveryFailure("Nylas: " + failed.getMessage(), false, failed);
    }
  }

  private Optional<MailboxesRecord> supportMailbox(Long ticketNumber) {
    Optional<MailboxesRecord> own =
        Optional.ofNullable(ticketNumber)
            .flatMap(tickets::find)
            .map(ticket -> ticket.getMailboxId())
            .flatMap(mailboxes::find)
            .filter(MailboxesRecord::getActive);
    return own.isPresent() ? own : mailboxes.listActive().stream().findFirst();
  }
}
