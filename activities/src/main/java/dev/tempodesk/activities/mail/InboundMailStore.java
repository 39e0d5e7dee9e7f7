package dev.tempodesk.activities.mail;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.attachment.InboundAttachments;
import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.mail.MailAddress;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.InboundMessage;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one inbound message and attaches it to its ticket, opening a ticket for a new thread (or a
 * follow-up for a ticket closed beyond its reopen window), in one transaction, with the files it
 * lists (metadata only; {@link InboundAttachments}). Storing the same provider message again
 * returns what was stored the first time.
 */
@Component
public class InboundMailStore {
  private final TransactionTemplate transaction;
  private final MailThreadRepository threads;
  private final MessageThreading threading;
  private final MessageRepository messages;
  private final TicketRepository tickets;
  private final ContactRepository contacts;
  private final AgentRepository agents;
  private final TicketOpening opening;
  private final InboundAttachments attachments;
  private final Clock clock;

  public InboundMailStore(
      TransactionTemplate transaction,
      MailThreadRepository threads,
      MessageRepository messages,
      TicketRepository tickets,
      ContactRepository contacts,
      AgentRepository agents,
      TicketOpening opening,
      InboundAttachments attachments,
      Clock clock) {
    this.transaction = transaction;
    this.threads = threads;
    this.threading = new MessageThreading(threads);
    this.messages = messages;
    this.tickets = tickets;
    this.contacts = contacts;
    this.agents = agents;
    this.opening = opening;
    this.attachments = attachments;
    this.clock = clock;
  }

  StoredMessage store(MailboxesRecord mailbox, NylasMessage message, TicketPolicy policy) {
    try {
      return transaction.execute(status -> storeOnce(mailbox, message, policy));
    } catch (DuplicateKeyException raced) {
      // Another attempt stored the message or mapped the thread first; its outcome is ours.
      return transaction.execute(status -> storeOnce(mailbox, message, policy));
    }
  }

  private StoredMessage storeOnce(
      MailboxesRecord mailbox, NylasMessage message, TicketPolicy policy) {
    Optional<MessagesRecord> stored = threads.findMessage(mailbox.getId(), message.id());
    if (stored.isPresent()) {
      return result(
          tickets.find(stored.get().getTicketNumber()).orElseThrow(), stored.get(), message);
    }
    MailAddress from = MailClassifier.requireSender(message);
    String sender = from.address();
    String senderName = from.displayName();
    Optional<AgentsRecord> agent = agents.findByEmail(sender);
    MessagesRecord row = messageRow(mailbox, message, sender);
    Optional<TicketsRecord> existing =
        threading.ticketFor(mailbox.getId(), message, sender).flatMap(tickets::find);
    if (existing.isEmpty()
        || TicketRows.reopenWindowOver(existing.get(), policy, clock.instant())) {
      ContactsRecord reporter = contacts.findOrCreate(sender, senderName, null);
      row.setAuthorContactId(reporter.getId());
      TicketsRecord ticket = opening.open(newTicket(mailbox, message, reporter, existing, row));
      if (existing.isPresent() && message.threadId() != null) {
        threads.remapThread(mailbox.getId(), message.threadId(), ticket.getNumber());
      } else if (message.threadId() != null
          && !threads.mapThread(mailbox.getId(), message.threadId(), ticket.getNumber())) {
        throw new DuplicateKeyException("thread " + message.threadId() + " was mapped meanwhile");
      }
      return result(ticket, row, message);
    }
    TicketsRecord ticket = existing.get();
    if (agent.isPresent()) {
      row.setAuthorAgentId(agent.get().getId());
    } else {
      row.setAuthorContactId(contacts.findOrCreate(sender, senderName, null).getId());
    }
    if (message.threadId() != null) {
      threads.mapThread(mailbox.getId(), message.threadId(), ticket.getNumber());
    }
    messages.insert(row.setTicketNumber(ticket.getNumber()));
    return result(ticket, row, message);
  }

  private static NewTicket newTicket(
      MailboxesRecord mailbox,
      NylasMessage message,
      ContactsRecord reporter,
      Optional<TicketsRecord> closed,
      MessagesRecord firstMessage) {
    Long previous = closed.map(TicketsRecord::getNumber).orElse(null);
    return NewTicket.byEmail(
            mailbox,
            message.threadId(),
            reporter,
            subjectOf(message),
            firstMessage,
            previous == null ? "Opened from email" : "Follow-up of #" + previous + " (closed)")
        .followUpOf(previous);
  }

  /** The result, with the message's files recorded beside it (idempotent). */
  private StoredMessage result(TicketsRecord ticket, MessagesRecord message, NylasMessage listed) {
    boolean pending = attachments.record(message.getId(), listed);
    Actor author =
        message.getAuthorAgentId() != null
            ? Actor.agent(message.getAuthorAgentId(), message.getFromAddress())
            : Actor.contact(message.getAuthorContactId(), message.getFromAddress());
    return new StoredMessage(
        ticket,
        new InboundMessage(message.getId().toString(), author, message.getOccurredAt().toInstant()),
        pending);
  }

  private static MessagesRecord messageRow(
      MailboxesRecord mailbox, NylasMessage message, String sender) {
    String body = message.body() == null ? "" : message.body();
    boolean html = body.contains("<") && body.contains(">");
    List<String> references = message.headers("References");
    return new MessagesRecord()
        // Derived from the provider id, so every attempt at storing one message agrees on its id.
        .setId(
            UUID.nameUUIDFromBytes(
                (mailbox.getId() + "/" + message.id()).getBytes(StandardCharsets.UTF_8)))
        .setMailboxId(mailbox.getId())
        .setProviderMessageId(message.id())
        .setInternetMessageId(message.header("Message-ID").map(String::trim).orElse(null))
        .setInReplyTo(message.header("In-Reply-To").map(String::trim).orElse(null))
        .setReferencesHeader(references.isEmpty() ? null : String.join(" ", references))
        .setDirection("INBOUND")
        .setFromAddress(sender)
        .setToAddresses(addresses(message.to()))
        .setCcAddresses(addresses(message.cc()))
        .setSubject(subjectOf(message))
        .setBodyHtml(html ? body : null)
        .setBodyText(html ? null : body)
        .setOccurredAt(at(Instant.ofEpochSecond(message.date() == null ? 0 : message.date())));
  }

  private static String subjectOf(NylasMessage message) {
    return message.subject() == null || message.subject().isBlank()
        ? "(no subject)"
        : message.subject().strip();
  }

  /**
   * The valid participants as an RFC 5322 address list of canonical addresses (names kept), read
   * back with {@link MailAddresses#parseList}; an entry that is no address is left out (the
   * provider keeps the original).
   */
  private static String addresses(List<EmailAddress> participants) {
    List<MailAddress> valid =
        participants == null
            ? List.of()
            : participants.stream()
                .flatMap(p -> MailAddresses.participant(p.name(), p.email()).stream())
                .filter(ParsedAddress::isValid)
                .map(ParsedAddress::address)
                .toList();
    return valid.isEmpty() ? null : MailAddresses.formatList(valid);
  }
}
