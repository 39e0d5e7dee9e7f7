package dev.tempodesk.api.ticket;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.attachment.AttachedFiles;
import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.api.validation.HeaderFields;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.workflows.mail.MailAddress;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AttachedFile;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a new ticket's references and writes its row, first message and CREATED event in one
 * transaction.
 */
@Component
class TicketCreation {
  private final TicketOpening opening;
  private final ContactRepository contacts;
  private final OrganizationRepository organizations;
  private final AgentRepository agents;
  private final AttachmentRepository attachments;
  private final Clock clock;

  TicketCreation(
      TicketOpening opening,
      ContactRepository contacts,
      OrganizationRepository organizations,
      AgentRepository agents,
      AttachmentRepository attachments,
      Clock clock) {
    this.opening = opening;
    this.contacts = contacts;
    this.organizations = organizations;
    this.agents = agents;
    this.attachments = attachments;
    this.clock = clock;
  }

  /** A new ticket whose first message carries {@code files} (already checked and stored). */
  @Transactional
  public TicketsRecord insert(CreateTicketRequest request, Actor actor, List<AttachedFile> files) {
    // Both go into mail headers: the subject into every mail about the ticket, the name into To.
    HeaderFields.require("subject", request.subject());
    HeaderFields.require("reporterName", request.reporterName());
    Channel channel = request.channel() == null ? Channel.PHONE : request.channel();
    if (channel == Channel.PORTAL) {
      throw FieldException.invalid(
          "channel", "Agents open tickets by PHONE, EMAIL or AGENT; PORTAL is the customer's own.");
    }
    // Checked before the reporter is created, since a new contact is filed under it.
    if (request.organizationId() != null
        && organizations.find(request.organizationId()).isEmpty()) {
      throw FieldException.invalid(
          "organizationId", "There is no organization #" + request.organizationId() + ".");
    }
    ContactsRecord reporter = reporter(request);
    Long organizationId =
        request.organizationId() != null ? request.organizationId() : reporter.getOrganizationId();
    if (request.assetId() != null) {
      AssetsRecord asset =
          organizations
              .findAsset(request.assetId())
              .orElseThrow(
                  () ->
                      FieldException.invalid(
                          "assetId", "There is no asset #" + request.assetId() + "."));
      if (organizationId != null && !organizationId.equals(asset.getOrganizationId())) {
        throw FieldException.invalid(
            "assetId", "Asset #" + asset.getId() + " belongs to another organization.");
      }
      organizationId = asset.getOrganizationId();
    }
    AgentsRecord assignee = assignee(request.assigneeId());
    String subject = request.subject().strip();
    MessagesRecord description =
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setDirection("INBOUND")
            .setAuthorContactId(reporter.getId())
            .setFromAddress(reporter.getEmail())
            .setSubject(subject)
            .setBodyText(request.description())
            .setOccurredAt(at(clock.instant()));
    TicketsRecord opened =
        opening.open(
            NewTicket.byAgent(
                    channel,
                    actor,
                    reporter,
                    subject,
                    request.priority() == null ? Priority.NORMAL : request.priority(),
                    description,
                    "Opened by "
                        + channel.name().toLowerCase()
                        + " for "
                        + reporter.getDisplayName())
                .inOrganization(organizationId)
                .aboutAsset(request.assetId())
                .assignedTo(assignee));
    AttachedFiles.record(attachments, description.getId(), files);
    return opened;
  }

  private ContactsRecord reporter(CreateTicketRequest request) {
    if (request.reporterId() != null) {
      return contacts
          .findCurrent(request.reporterId()) // a merged contact's tickets are the survivor's
          .orElseThrow(
              () ->
                  FieldException.invalid(
                      "reporterId", "There is no contact #" + request.reporterId() + "."));
    }
    if (request.reporterEmail() != null && !request.reporterEmail().isBlank()) {
      MailAddress reporter = Addresses.require("reporterEmail", request.reporterEmail());
      // An address is one person's (V16): an agent's cannot become a customer's.
      if (agents.findByEmail(reporter.address()).isPresent()) {
        throw agentsAddress(reporter.address());
      }
      try {
        return contacts.findOrCreate(
            reporter.address(),
            request.reporterName() == null || request.reporterName().isBlank()
                ? reporter.displayName()
                : request.reporterName(),
            request.organizationId());
      } catch (DuplicateKeyException anAgentTookItMeanwhile) {
        throw agentsAddress(reporter.address());
      }
    }
    throw FieldException.invalid(
        "reporterId", "Name the customer: reporterId of a contact, or reporterEmail.");
  }

  private static FieldException agentsAddress(String address) {
    return FieldException.conflict(
        "reporterEmail",
        "The address " + address + " is an agent's; a ticket's reporter is a customer (contact).");
  }

  private AgentsRecord assignee(Long assigneeId) {
    if (assigneeId == null) {
      return null;
    }
    AgentsRecord agent =
        agents
            .find(assigneeId)
            .orElseThrow(
                () ->
                    FieldException.invalid("assigneeId", "There is no agent #" + assigneeId + "."));
    if (!agent.getActive()) {
      throw FieldException.invalid(
          "assigneeId", "Agent #" + assigneeId + " is deactivated and cannot take tickets.");
    }
    return agent;
  }
}
