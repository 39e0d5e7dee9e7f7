package dev.tempodesk.activities.outbound;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.attachment.AttachedFiles;
import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.attachment.PostgresAttachmentStore;
import dev.tempodesk.activities.mail.MachineMailSigns;
import dev.tempodesk.activities.mail.MailHtml;
import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.Providers;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.message.DeliveryFailureRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.DeliveryOutcome;
import dev.tempodesk.workflows.ticket.FailedDelivery;
import dev.tempodesk.workflows.ticket.OutboundMailActivities;
import dev.tempodesk.workflows.ticket.OutboundMessage;
import dev.tempodesk.workflows.ticket.OutboundRef;
import dev.tempodesk.workflows.ticket.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes replies, notes and acknowledgements, and hands queued mail to the sender. */
@Component("outboundMailActivities")
public class OutboundMailActivitiesImpl implements OutboundMailActivities {
  private final OutboundMessageRepository outbound;
  private final TicketRepository tickets;
  private final ContactRepository contacts;
  private final MailboxRepository mailboxes;
  private final TicketEventRepository events;
  private final AttachmentRepository attachments;
  private final OutboundMailSender sender;
  private final DeliveryFailureNotice notice;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public OutboundMailActivitiesImpl(
      OutboundMessageRepository outbound,
      TicketRepository tickets,
      ContactRepository contacts,
      MailboxRepository mailboxes,
      TicketEventRepository events,
      AttachmentRepository attachments,
      OutboundMailSender sender,
      DeliveryFailureNotice notice,
      TransactionTemplate transaction,
      Clock clock) {
    this.outbound = outbound;
    this.tickets = tickets;
    this.contacts = contacts;
    this.mailboxes = mailboxes;
    this.events = events;
    this.attachments = attachments;
    this.sender = sender;
    this.notice = notice;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The activities over one database, for wiring without Spring (tests, tools). */
  public static OutboundMailActivitiesImpl over(
      DSLContext dsl, TransactionTemplate transaction, NylasClient nylas, Clock clock) {
    return over(dsl, transaction, nylas, new PostgresAttachmentStore(dsl), clock);
  }

  /**
   * The activities over one database, for wiring without Spring (tests, tools); attachments are
   * read from {@code store}.
   */
  public static OutboundMailActivitiesImpl over(
      DSLContext dsl,
      TransactionTemplate transaction,
      NylasClient nylas,
      AttachmentStore store,
      Clock clock) {
    OutboundMessageRepository outbound = new OutboundMessageRepository(dsl);
    TicketRepository tickets = new TicketRepository(dsl);
    MailboxRepository mailboxes = new MailboxRepository(dsl);
    TicketEventRepository events = new TicketEventRepository(dsl);
    AttachmentRepository attachments = new AttachmentRepository(dsl);
    DeliveryFailureNotice notice =
        new DeliveryFailureNotice(events, new DeliveryFailureRepository(dsl), clock);
    OutboundMailSender sender =
        new OutboundMailSender(
            nylas,
            outbound,
            tickets,
            mailboxes,
            new MailThreadRepository(dsl),
            new OutboundAttachments(attachments, store),
            notice,
            MailboxOutages.over(dsl, clock),
            transaction,
            clock);
    return new OutboundMailActivitiesImpl(
        outbound,
        tickets,
        new ContactRepository(dsl),
        mailboxes,
        events,
        attachments,
        sender,
        notice,
        transaction,
        clock);
  }

  /** The acknowledgement's id: one per ticket, so every attempt agrees on it. */
  public static UUID acknowledgementId(long ticketNumber) {
    return UUID.nameUUIDFromBytes(
        ("acknowledgement/" + ticketNumber).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stores a reply or note. HTML is stored sanitized ({@link MailHtml}) with its plain-text
   * alternative in {@code body_text}; the API sanitized it already, this holds for any caller.
   */
  @Override
  public void store(OutboundMessage message) {
    TicketsRecord ticket = tickets.find(message.ticketNumber()).orElseThrow();
    Actor author = message.author();
    String html = message.html() ? MailHtml.sanitize(message.body()) : null;
    MessagesRecord row =
        new MessagesRecord()
            .setId(UUID.fromString(message.messageId()))
            .setTicketNumber(ticket.getNumber())
            .setDirection("OUTBOUND")
            .setAuthorAgentId(author.kind() == Actor.Kind.AGENT ? author.id() : null)
            .setBodyHtml(html)
            .setBodyText(html != null ? MailHtml.toText(html) : message.body())
            .setOccurredAt(at(clock.instant()));
    if (message.kind() == OutboundMessage.Kind.NOTE) {
      row.setVisibility("INTERNAL")
          .setDeliveryStatus("NOT_SENT")
          .setFromAddress(author.name())
          .setSubject(ticket.getSubject());
    } else {
      addressed(row, ticket, message.cc());
      row.setBccAddresses(message.bcc().isEmpty() ? null : ccList(message.bcc()));
    }
    transaction.executeWithoutResult(
        status -> {
          if (outbound.insertIfAbsent(row)) {
            AttachedFiles.record(attachments, row.getId(), message.attachments());
          }
        });
  }

  @Override
  public List<String> prepareOutbox(OutboundRef ticketRef) {
    long number = ticketRef.ticketNumber();
    transaction.executeWithoutResult(
        status -> {
          if (outbound.takeAcknowledgementDue(number)) {
            queueAcknowledgement(tickets.find(number).orElseThrow());
          }
        });
    return outbound.queued(number).stream().map(UUID::toString).toList();
  }

  @Override
  public DeliveryOutcome deliver(OutboundRef message) {
    return sender.deliver(message.ticketNumber(), UUID.fromString(message.messageId()));
  }

  @Override
  public void giveUp(FailedDelivery failure) {
    sender.fail(failure.ticketNumber(), UUID.fromString(failure.messageId()), failure.error());
  }

  @Override
  public boolean requeue(OutboundRef message) {
    return outbound.requeue(message.ticketNumber(), UUID.fromString(message.messageId()));
  }

  private void queueAcknowledgement(TicketsRecord ticket) {
    ContactsRecord reporter = contacts.find(ticket.getReporterId()).orElseThrow();
    if (MachineMailSigns.isNoReplyAddress(reporter.getEmail())) {
      return; // a system's notification: nobody would read the answer
    }
    MessagesRecord row =
        new MessagesRecord()
            .setId(acknowledgementId(ticket.getNumber()))
            .setTicketNumber(ticket.getNumber())
            .setDirection("OUTBOUND")
            .setAutoSubmitted(true)
            .setBodyText(
                """
                Hello %s,

                Thank you for contacting us. We have received your request "%s" as ticket #%d \
                and will get back to you soon.

                To add information, reply to this email and keep [#%d] in the subject.
                """
                    .formatted(
                        reporter.getDisplayName(),
                        ticket.getSubject(),
                        ticket.getNumber(),
                        ticket.getNumber()))
            .setOccurredAt(at(clock.instant()));
    addressed(row, ticket, List.of());
    if (outbound.insertIfAbsent(row)) {
      events.insertIfAbsent(
          new TicketEventsRecord()
              .setId(UUID.randomUUID())
              .setTicketNumber(ticket.getNumber())
              .setTicketVersion(ticket.getVersion())
              .setKind(TicketEvent.Kind.ACKNOWLEDGEMENT_QUEUED.name())
              .setActorKind(Actor.SYSTEM.kind().name())
              .setActorName(Actor.SYSTEM.name())
              .setComment("Acknowledgement to " + reporter.getEmail())
              .setChanges(JSONB.valueOf("[]"))
              .setOccurredAt(at(clock.instant())));
    }
  }

  /**
   * The CC (or BCC) entries as one RFC 5322 address list in canonical form. An entry that is no
   * address (only from a reply queued before the API validated with {@link MailAddresses}) stays as
   * given; the send then fails with the reason instead of mailing someone else.
   */
  private static String ccList(List<String> cc) {
    return cc.stream()
        .map(
            entry -> {
              ParsedAddress parsed = MailAddresses.parse(entry);
              return parsed.isValid() ? parsed.address().formatted() : entry;
            })
        .collect(Collectors.joining(", "));
  }

  /**
   * Addresses a message to the reporter from the ticket's mailbox (for a ticket opened by phone:
   * the first connected one), in reply to the newest inbound mail of the ticket if it has any: by
   * its Nylas id, or on IMAP grants by its Message-ID header (without one it cannot be threaded
   * there, and a Nylas id would be refused).
   */
  private void addressed(MessagesRecord row, TicketsRecord ticket, List<String> cc) {
    ContactsRecord reporter = contacts.find(ticket.getReporterId()).orElseThrow();
    Optional<MailboxesRecord> mailbox = mailboxes.replyingFor(ticket.getMailboxId());
    Optional<MessagesRecord> parent =
        mailbox.flatMap(box -> outbound.latestInbound(ticket.getNumber(), box.getId()));
    row.setVisibility("PUBLIC")
        .setDeliveryStatus(OutboundMessageRepository.QUEUED)
        .setMailboxId(mailbox.map(MailboxesRecord::getId).orElse(null))
        .setFromAddress(mailbox.map(MailboxesRecord::getEmail).orElse(null))
        .setToAddresses(reporter.getEmail())
        .setCcAddresses(cc == null || cc.isEmpty() ? null : ccList(cc))
        .setSubject(TicketSubjects.of(ticket.getNumber(), ticket.getSubject(), parent.isPresent()))
        .setReplyToProviderId(
            parent
                .map(
                    inbound ->
                        Providers.repliesByMessageIdHeader(mailbox.get().getProvider())
                            ? inbound.getInternetMessageId()
                            : inbound.getProviderMessageId())
                .orElse(null));
  }
}
