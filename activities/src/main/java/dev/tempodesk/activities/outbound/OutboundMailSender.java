package dev.tempodesk.activities.outbound;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.mail.MailHtml;
import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.KeyedSend;
import dev.tempodesk.activities.nylas.MessageHeader;
import dev.tempodesk.activities.nylas.NylasApiException;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasException;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.activities.nylas.Providers;
import dev.tempodesk.activities.nylas.SendAttachment;
import dev.tempodesk.activities.nylas.SendMessageRequest;
import dev.tempodesk.activities.nylas.SentMail;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.mail.InvalidAddressException;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
import dev.tempodesk.workflows.ticket.DeliveryOutcome;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one queued message through Nylas under the {@link KeyedSend} rule. The key is the message
 * id plus the row's send attempt, so every retry of one attempt agrees on it: a retry after a lost
 * answer (or 409 concurrent) replays the first send instead of mailing twice. Nylas replays error
 * answers too, so an error answer moves the row to the next attempt, and the next try first looks
 * for the message in the sent mail (our id in {@link #MESSAGE_ID_HEADER}) before it sends under the
 * new key. Permanent refusals (4xx other than 409 and 429) end in FAILED at once; anything else is
 * thrown for Temporal to retry, after the Retry-After the server asked for; the ticket workflow's
 * last retry marks the message FAILED ({@code giveUp}).
 */
@Component
public class OutboundMailSender {
  /** Carries our message id, so the sent copy the sync lists again is recognised. */
  public static final String MESSAGE_ID_HEADER = "X-Tempodesk-Message-Id";

  static final String RETRYABLE_FAILURE = "NylasSendUnavailable";

  /** Clocks differ: the sent copy's date may be a little before our row's. */
  static final Duration SENT_LOOKUP_MARGIN = Duration.ofMinutes(5);

  /** Begins the reason of a send refused for the mailbox's grant: what the agent does about it. */
  static final String RECONNECT_FIRST =
      "The mailbox must be connected again (Mailboxes, Reconnect) before this can be sent again: ";

  private final NylasClient nylas;
  private final SentMail sentMail;
  private final OutboundMessageRepository outbound;
  private final TicketRepository tickets;
  private final MailboxRepository mailboxes;
  private final MailThreadRepository threads;
  private final OutboundAttachments attachments;
  private final DeliveryFailureNotice notice;
  private final MailboxOutages outages;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public OutboundMailSender(
      NylasClient nylas,
      OutboundMessageRepository outbound,
      TicketRepository tickets,
      MailboxRepository mailboxes,
      MailThreadRepository threads,
      OutboundAttachments attachments,
      DeliveryFailureNotice notice,
      MailboxOutages outages,
      TransactionTemplate transaction,
      Clock clock) {
    this.nylas = nylas;
    this.sentMail = new SentMail(nylas);
    this.outbound = outbound;
    this.tickets = tickets;
    this.mailboxes = mailboxes;
    this.threads = threads;
    this.attachments = attachments;
    this.notice = notice;
    this.outages = outages;
    this.transaction = transaction;
    this.clock = clock;
  }

  DeliveryOutcome deliver(long ticketNumber, UUID id) {
    MessagesRecord message = outbound.find(ticketNumber, id).orElseThrow();
    if (!OutboundMessageRepository.QUEUED.equals(message.getDeliveryStatus())) {
      return outcome(message);
    }
    Optional<MailboxesRecord> mailbox = mailboxOf(message);
    if (mailbox.isEmpty()) {
      return fail(ticketNumber, id, "No mailbox is connected to send from.");
    }
    SendMessageRequest request;
    try {
      request = request(message, mailbox.get().getProvider(), attachments.of(id));
    } catch (InvalidAddressException notAnAddress) {
      return fail(
          ticketNumber, id, "A recipient is not an email address: " + notAnAddress.getMessage());
    } catch (OutboundAttachments.Unsendable unsendable) {
      return fail(ticketNumber, id, unsendable.getMessage());
    }
    String grant = mailbox.get().getGrantId();
    int attempt = message.getSendAttempt();
    NylasMessage sent;
    try {
      Optional<NylasMessage> earlier =
          attempt == 0 ? Optional.empty() : alreadySent(grant, message);
      sent =
          earlier.isPresent()
              ? earlier.get()
              : nylas.send(grant, request, KeyedSend.key(id.toString(), attempt), true);
    } catch (NylasException failure) {
      switch (KeyedSend.after(failure)) {
        case GIVE_UP -> {
          return fail(
              ticketNumber,
              id,
              outages.sendRefused(mailbox.get(), failure)
                  ? RECONNECT_FIRST + failure.getMessage()
                  : failure.getMessage());
        }
        case NEW_KEY -> outbound.nextSendAttempt(id, attempt);
        case SAME_KEY -> {}
      }
      throw ApplicationFailure.newFailureWithCauseAndDelay(
          failure.getMessage(), RETRYABLE_FAILURE, null, retryAfter(failure));
    } catch (IllegalStateException unknown) {
      return fail(
          ticketNumber,
          id,
          "Could not tell whether an earlier attempt went out ("
              + unknown.getMessage()
              + "); check the mailbox's sent mail before sending again.");
    }
    transaction.executeWithoutResult(
        status -> {
          outbound.markSent(
              id,
              sent.id(),
              sent.header("Message-ID").map(String::trim).orElse(null),
              sent.threadId(),
              at(clock.instant()));
          if (sent.threadId() != null) {
            long mailboxId = mailbox.get().getId();
            threads.mapThread(mailboxId, sent.threadId(), ticketNumber);
            outbound.adoptThread(ticketNumber, mailboxId, sent.threadId());
          }
        });
    return new DeliveryOutcome(id.toString(), DeliveryOutcome.Status.SENT, null);
  }

  /**
   * After an attempt that Nylas answered with an error (or a manual "Send again"), the copy of the
   * message in the mailbox's sent mail, if an earlier attempt went out after all: found by our id
   * in {@link #MESSAGE_ID_HEADER}, among mail sent since the message was written.
   */
  private Optional<NylasMessage> alreadySent(String grant, MessagesRecord message) {
    return sentMail.find(
        grant,
        MESSAGE_ID_HEADER,
        message.getId().toString(),
        message.getOccurredAt().toInstant().minus(SENT_LOOKUP_MARGIN));
  }

  /** QUEUED → FAILED, telling the agent in the same transaction; a repeat changes nothing. */
  DeliveryOutcome fail(long ticketNumber, UUID id, String error) {
    transaction.executeWithoutResult(
        status -> {
          if (outbound.markFailed(id, error)) {
            TicketsRecord ticket = tickets.find(ticketNumber).orElseThrow();
            notice.failed(ticket, outbound.find(ticketNumber, id).orElseThrow(), error);
          }
        });
    return outcome(outbound.find(ticketNumber, id).orElseThrow());
  }

  private Optional<MailboxesRecord> mailboxOf(MessagesRecord message) {
    if (message.getMailboxId() != null) {
      return mailboxes.find(message.getMailboxId());
    }
    Optional<MailboxesRecord> first = mailboxes.listActive().stream().findFirst();
    first.ifPresent(box -> outbound.assignMailbox(message.getId(), box.getId()));
    return first;
  }

  /**
   * The send's payload. To, CC and BCC are RFC 5322 address lists (see {@link
   * MailAddresses#formatList}); each mailbox goes out as its own {name, email} entry, so a comma
   * inside a quoted name or local part never splits a recipient. Machine-written mail (the
   * acknowledgement) says so per RFC 3834 and asks Exchange not to auto-answer it; Exchange grants
   * (Graph, EWS) refuse custom headers not named X-…, so there {@code Auto-Submitted} is left out
   * and {@code X-Autoreply} (read by most auto-responders and helpdesks) stands in for it beside
   * {@code X-Auto-Response-Suppress}. HTML goes out sanitized once more ({@link MailHtml}); Nylas
   * v3 takes one {@code body}, so the stored plain-text alternative ({@code body_text}) stays with
   * Tempodesk (search, the API's {@code bodyText}) and is not sent.
   */
  static SendMessageRequest request(
      MessagesRecord message, String provider, List<SendAttachment> files) {
    List<EmailAddress> to = recipients(message.getToAddresses());
    List<EmailAddress> cc = recipients(message.getCcAddresses());
    List<EmailAddress> bcc = recipients(message.getBccAddresses());
    List<MessageHeader> headers = new ArrayList<>();
    headers.add(new MessageHeader(MESSAGE_ID_HEADER, message.getId().toString()));
    if (Boolean.TRUE.equals(message.getAutoSubmitted())) {
      headers.add(new MessageHeader("Auto-Submitted", "auto-replied"));
      headers.add(new MessageHeader("X-Auto-Response-Suppress", "All"));
      if (Providers.acceptsOnlyXHeaders(provider)) {
        headers.add(new MessageHeader("X-Autoreply", "yes"));
      }
    }
    if (Providers.acceptsOnlyXHeaders(provider)) {
      headers.removeIf(header -> !Providers.isXHeader(header.name()));
    }
    boolean html = message.getBodyHtml() != null;
    return new SendMessageRequest(
        to,
        cc.isEmpty() ? null : cc,
        bcc.isEmpty() ? null : bcc,
        null,
        message.getSubject(),
        html ? MailHtml.sanitize(message.getBodyHtml()) : message.getBodyText(),
        message.getReplyToProviderId(),
        headers,
        html ? null : Boolean.TRUE,
        null,
        null,
        files.isEmpty() ? null : files);
  }

  private static List<EmailAddress> recipients(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return MailAddresses.parseList(list).stream()
        .map(ParsedAddress::orElseThrow)
        .map(address -> new EmailAddress(address.displayName(), address.address()))
        .toList();
  }

  private static Duration retryAfter(NylasException failure) {
    return failure instanceof NylasApiException api ? api.retryAfter().orElse(null) : null;
  }

  private static DeliveryOutcome outcome(MessagesRecord message) {
    DeliveryOutcome.Status status =
        OutboundMessageRepository.SENT.equals(message.getDeliveryStatus())
            ? DeliveryOutcome.Status.SENT
            : DeliveryOutcome.Status.FAILED;
    return new DeliveryOutcome(message.getId().toString(), status, message.getDeliveryError());
  }
}
