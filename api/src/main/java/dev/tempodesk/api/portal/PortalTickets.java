package dev.tempodesk.api.portal;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.attachment.AttachedFiles;
import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.attachment.FileUploads;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.validation.HeaderFields;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.AttachedFile;
import dev.tempodesk.workflows.ticket.InboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * A customer's own tickets: opening one (channel PORTAL) and replying. A reply is stored like an
 * inbound email and reaches the ticket workflow through the same newMessage signal, so it resumes a
 * PENDING ticket and reopens a CLOSED one within the reopen window.
 */
@Service
class PortalTickets {
  private final TransactionTemplate transaction;
  private final TicketOpening opening;
  private final TicketRepository tickets;
  private final MessageRepository messages;
  private final MailThreadRepository signalled;
  private final ContactRepository contacts;
  private final OrganizationRepository organizations;
  private final TicketWorkflowGateway workflows;
  private final FileUploads uploads;
  private final AttachmentRepository attachments;
  private final Clock clock;

  PortalTickets(
      TransactionTemplate transaction,
      TicketOpening opening,
      TicketRepository tickets,
      MessageRepository messages,
      MailThreadRepository signalled,
      ContactRepository contacts,
      OrganizationRepository organizations,
      TicketWorkflowGateway workflows,
      FileUploads uploads,
      AttachmentRepository attachments,
      Clock clock) {
    this.transaction = transaction;
    this.opening = opening;
    this.tickets = tickets;
    this.messages = messages;
    this.signalled = signalled;
    this.contacts = contacts;
    this.organizations = organizations;
    this.workflows = workflows;
    this.uploads = uploads;
    this.attachments = attachments;
    this.clock = clock;
  }

  /** The customer's ticket; someone else's is reported as missing, not as forbidden. */
  TicketsRecord own(SignedInUser customer, long number) {
    return tickets
        .find(number)
        .filter(row -> Objects.equals(row.getReporterId(), customer.id()))
        .orElseThrow(() -> new NotFoundException("You have no ticket #" + number + "."));
  }

  long open(SignedInUser customer, PortalDtos.NewPortalTicket request) {
    ContactsRecord reporter = contacts.find(customer.id()).orElseThrow();
    Long assetId = request.assetId();
    if (assetId != null
        && organizations
            .findAsset(assetId)
            .filter(asset -> asset.getOrganizationId().equals(reporter.getOrganizationId()))
            .isEmpty()) {
      throw FieldException.invalid("assetId", "Your organization has no asset #" + assetId + ".");
    }
    String subject = HeaderFields.require("subject", request.subject()).strip();
    MessagesRecord description = inbound(reporter, subject, request.description(), clock.instant());
    NewTicket ticket =
        NewTicket.byPortal(
                reporter, customer.actor(), subject, description, "Opened in the customer portal")
            .aboutAsset(assetId);
    TicketsRecord row = transaction.execute(status -> opening.open(ticket));
    workflows.startFromRow(row);
    return row.getNumber();
  }

  /** A reply with files: checked and stored first, recorded with the message in one transaction. */
  void reply(SignedInUser customer, long number, String body, List<MultipartFile> files) {
    TicketsRecord ticket = own(customer, number);
    Instant now = clock.instant();
    if (TicketRows.reopenWindowOver(ticket, workflows.policy(), now)) {
      throw FieldException.conflict(
          "status",
          "Ticket #" + number + " was closed too long ago to reopen; open a new ticket instead.");
    }
    List<AttachedFile> attached = uploads.keep(files, false);
    ContactsRecord reporter = contacts.find(customer.id()).orElseThrow();
    MessagesRecord message = inbound(reporter, "Re: " + ticket.getSubject(), body, now);
    transaction.executeWithoutResult(
        status -> {
          messages.insert(message.setTicketNumber(number));
          AttachedFiles.record(attachments, message.getId(), attached);
        });
    workflows.signalMessage(
        ticket, new InboundMessage(message.getId().toString(), customer.actor(), now));
    signalled.markSignalled(message.getId());
  }

  private static MessagesRecord inbound(
      ContactsRecord reporter, String subject, String body, Instant at) {
    return new MessagesRecord()
        .setId(UUID.randomUUID())
        .setDirection("INBOUND")
        .setVisibility("PUBLIC")
        .setAuthorContactId(reporter.getId())
        .setFromAddress(reporter.getEmail())
        .setSubject(subject)
        .setBodyText(body)
        .setOccurredAt(at(at));
  }
}
