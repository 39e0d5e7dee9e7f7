package dev.tempodesk.activities.ticket;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jooq.JSONB;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes a new ticket's row, first message and CREATED event. Runs inside the caller's transaction;
 * the caller starts the workflow after commit, from the returned row.
 */
@Component
public class TicketOpening {
  private final TicketRepository tickets;
  private final TicketEventRepository events;
  private final MessageRepository messages;
  private final Clock clock;
  private final SlaPolicy sla;

  public TicketOpening(
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      Clock clock) {
    this(tickets, events, messages, clock, SlaPolicy.defaults());
  }

  @Autowired
  public TicketOpening(
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      Clock clock,
      SlaPolicy sla) {
    this.tickets = tickets;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
    this.sla = sla;
  }

  public TicketsRecord open(NewTicket ticket) {
    return open(ticket, clock.instant());
  }

  /** Opens a ticket as of {@code now}: the demo's history is written as it would have happened. */
  public TicketsRecord open(NewTicket ticket, Instant now) {
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject(ticket.subject())
            .setStatus((ticket.assignee() == null ? TicketStatus.NEW : TicketStatus.OPEN).name())
            .setPriority(ticket.priority().name())
            .setAssigneeId(ticket.assignee() == null ? null : ticket.assignee().getId())
            .setAssignedAt(ticket.assignee() == null ? null : at(now))
            .setReporterId(ticket.reporter().getId())
            .setOrganizationId(ticket.organizationId())
            .setAssetId(ticket.assetId())
            .setChannel(ticket.channel().name())
            .setMailboxId(ticket.mailboxId())
            .setThreadId(ticket.threadId())
            .setPreviousTicket(ticket.previousTicket())
            // The workflow mails the acknowledgement (once) when it starts.
            .setAcknowledgementDue(
                ticket.channel() == Channel.EMAIL || ticket.channel() == Channel.PORTAL)
            .setCreatedAt(at(now))
            .setUpdatedAt(at(now))
            .setVersion(1L);
    // The clocks start with the ticket, so the list sorts it by its deadline from the first moment.
    TicketState state = TicketRows.toState(row, null);
    TicketSla.start(state, sla, now);
    tickets.insert(TicketRows.withSla(row, state));
    messages.insert(ticket.firstMessage().setTicketNumber(row.getNumber()));
    events.insertIfAbsent(
        new TicketEventsRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(row.getNumber())
            .setTicketVersion(1L)
            .setKind(TicketEvent.Kind.CREATED.name())
            .setActorKind(ticket.actor().kind().name())
            .setActorId(ticket.actor().id())
            .setActorName(ticket.actor().name())
            .setComment(ticket.comment())
            .setChanges(JSONB.valueOf("[]"))
            .setOccurredAt(at(now)));
    return row;
  }
}
