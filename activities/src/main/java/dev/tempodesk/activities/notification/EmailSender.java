package dev.tempodesk.activities.notification;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.KeyedSend;
import dev.tempodesk.activities.nylas.MessageHeader;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasException;
import dev.tempodesk.activities.nylas.SendMessageRequest;
import dev.tempodesk.activities.nylas.SentMail;
import dev.tempodesk.activities.outbound.OutboundMailSender;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends a notification email through the support mailbox: the ticket's own mailbox if it came by
 * email, else the first connected one. The Idempotency-Key is the dedupe key plus the row's send
 * attempt ({@link KeyedSend}), so an activity retried after Nylas accepted the mail (but before the
 * row was marked SENT) does not send again; after an error answer the caller moves the row to the
 * next attempt, and that attempt first looks for the mail in the sent mail by the dedupe key
 * carried in {@link OutboundMailSender#MESSAGE_ID_HEADER}.
 */
public class EmailSender {
  /** Our header's value on a notification: not a UUID, so the sync never takes it for a reply. */
  static final String ID_PREFIX = "notification:";

  private static final Duration SENT_LOOKUP_MARGIN = Duration.ofMinutes(5);

  private final NylasClient nylas;
  private final SentMail sentMail;
  private final MailboxRepository mailboxes;
  private final TicketRepository tickets;
  private final MailboxOutages outages;

  public EmailSender(
      NylasClient nylas,
      MailboxRepository mailboxes,
      TicketRepository tickets,
      MailboxOutages outages) {
    this.nylas = nylas;
    this.sentMail = new SentMail(nylas);
    this.mailboxes = mailboxes;
    this.tickets = tickets;
    this.outages = outages;
  }

  public void send(NotificationsRecord notification, String recipientName) {
    MailboxesRecord mailbox =
        supportMailbox(notification.getTicketNumber())
            .orElseThrow(() -> new DeliveryFailure("no support mailbox is connected", true, null));
    String ownId = ID_PREFIX + notification.getDedupeKey();
    SendMessageRequest mail =
        new SendMessageRequest(
            List.of(new EmailAddress(recipientName, notification.getDestination())),
            null,
            null,
            null,
            notification.getTitle(),
            notification.getBody(),
            null,
            List.of(new MessageHeader(OutboundMailSender.MESSAGE_ID_HEADER, ownId)),
            true,
            null,
            null);
    int attempt = notification.getSendAttempt();
    try {
      if (attempt > 0
          && sentMail
              .find(
                  mailbox.getGrantId(),
                  OutboundMailSender.MESSAGE_ID_HEADER,
                  ownId,
                  notification.getCreatedAt().toInstant().minus(SENT_LOOKUP_MARGIN))
              .isPresent()) {
        return; // an earlier attempt went out although Nylas answered it with an error
      }
      nylas.send(mailbox.getGrantId(), mail, KeyedSend.key(notification.getDedupeKey(), attempt));
    } catch (NylasException failed) {
      KeyedSend.Next next = KeyedSend.after(failed);
      outages.sendRefused(mailbox, failed);
      throw new DeliveryFailure(
          "Nylas: " + failed.getMessage(),
          next == KeyedSend.Next.GIVE_UP,
          next == KeyedSend.Next.NEW_KEY,
          failed);
    } catch (IllegalStateException unknown) {
      throw new DeliveryFailure(
          "Nylas: could not tell whether an earlier attempt went out: " + unknown.getMessage(),
          true,
          unknown);
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
