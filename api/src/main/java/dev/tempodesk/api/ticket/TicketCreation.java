package dev.tempodesk.api.ticket;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.api.error.InvalidFieldException;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a new ticket's references and writes its row, first message and CREATED event in one
 * transaction.
 */
@Component
class TicketCreation {
  private final TicketRepository tickets;
  private final TicketEventRepository events;
  private final MessageRepository messages;
  private final ContactRepository contacts;
  private final OrganizationRepository organizations;
  private final AgentRepository agents;
  private final JsonMapper json;
  private final Clock clock;

  TicketCreation(
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      ContactRepository contacts,
      OrganizationRepository organizations,
      AgentRepository agents,
      JsonMapper json,
      Clock clock) {
    this.tickets = tickets;
    this.events = events;
    this.messages = messages;
    this.contacts = contacts;
    this.organizations = organizations;
    this.agents = agents;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public TicketsRecord insert(CreateTicketRequest request, Actor actor) {
    Channel channel = request.channel() == null ? Channel.PHONE : request.channel();
    if (channel == Channel.PORTAL) {
      throw new InvalidFieldException(
          "channel", "Agents open tickets by PHONE, EMAIL or AGENT; PORTAL is the customer's own.");
    }
    ContactsRecord reporter = reporter(request);
    Long organizationId =
        request.organizationId() != null ? request.organizationId() : reporter.getOrganizationId();
    if (request.organizationId() != null
        && organizations.find(request.organizationId()).isEmpty()) {
      throw new InvalidFieldException(
          "organizationId", "There is no organization #" + request.organizationId() + ".");
    }
    if (request.assetId() != null) {
      AssetsRecord asset =
          organizations
              .findAsset(request.assetId())
              .orElseThrow(
                  () ->
                      new InvalidFieldException(
                          "assetId", "There is no asset #" + request.assetId() + "."));
      if (organizationId != null && !organizationId.equals(asset.getOrganizationId())) {
        throw new InvalidFieldException(
            "assetId", "Asset #" + asset.getId() + " belongs to another organization.");
      }
      organizationId = asset.getOrganizationId();
    }
    AgentsRecord assignee = assignee(request.assigneeId());
    Instant now = clock.instant();
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject(request.subject().strip())
            .setStatus((assignee == null ? TicketStatus.NEW : TicketStatus.OPEN).name())
            .setPriority((request.priority() == null ? Priority.NORMAL : request.priority()).name())
            .setAssigneeId(assignee == null ? null : assignee.getId())
            .setAssignedAt(assignee == null ? null : at(now))
            .setReporterId(reporter.getId())
            .setOrganizationId(organizationId)
            .setAssetId(request.assetId())
            .setChannel(channel.name())
            .setCreatedAt(at(now))
            .setUpdatedAt(at(now))
            .setVersion(1L);
    tickets.insert(row);
    messages.insert(
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(row.getNumber())
            .setDirection("INBOUND")
            .setAuthorContactId(reporter.getId())
            .setFromAddress(reporter.getEmail())
            .setSubject(row.getSubject())
            .setBodyText(request.description())
            .setOccurredAt(at(now)));
    events.insertIfAbsent(
        new TicketEventsRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(row.getNumber())
            .setTicketVersion(1L)
            .setKind(TicketEvent.Kind.CREATED.name())
            .setActorKind(actor.kind().name())
            .setActorId(actor.id())
            .setActorName(actor.name())
            .setComment(
                "Opened by " + channel.name().toLowerCase() + " for " + reporter.getDisplayName())
            .setChanges(JSONB.valueOf(json.writeValueAsString(java.util.List.of())))
            .setOccurredAt(at(now)));
    return row;
  }

  private ContactsRecord reporter(CreateTicketRequest request) {
    if (request.reporterId() != null) {
      return contacts
          .find(request.reporterId())
          .orElseThrow(
              () ->
                  new InvalidFieldException(
                      "reporterId", "There is no contact #" + request.reporterId() + "."));
    }
    if (request.reporterEmail() != null && !request.reporterEmail().isBlank()) {
      return contacts.findOrCreate(
          request.reporterEmail().strip(), request.reporterName(), request.organizationId());
    }
    throw new InvalidFieldException(
        "reporterId", "Name the customer: reporterId of a contact, or reporterEmail.");
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
                    new InvalidFieldException(
                        "assigneeId", "There is no agent #" + assigneeId + "."));
    if (!agent.getActive()) {
      throw new InvalidFieldException(
          "assigneeId", "Agent #" + assigneeId + " is deactivated and cannot take tickets.");
    }
    return agent;
  }
}
