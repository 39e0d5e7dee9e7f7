package dev.tempodesk.activities.ticket;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.routing.Routing;
import dev.tempodesk.activities.routing.RoutingRule;
import dev.tempodesk.activities.routing.TicketRouting;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.Tags;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.JSONB;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a new ticket's row, first message and CREATED event. Runs inside the caller's transaction;
 * the caller starts the workflow after commit, from the returned row. The routing rules decide the
 * ticket's group here, for every way a ticket is opened ({@link TicketRouting}): the matching rule
 * sets the group (and optionally the priority and tags) and is named in a ROUTED event right after
 * CREATED. A ticket no rule matches lands in the default group (the column's default) with no
 * ROUTED event.
 */
@Component
public class TicketOpening {
  private final TicketRepository tickets;
  private final TicketEventRepository events;
  private final MessageRepository messages;
  private final Clock clock;
  private final SlaPolicy sla;
  private final TicketRouting routing;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public TicketOpening(
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      Clock clock) {
    this(tickets, events, messages, clock, SlaPolicy.defaults());
  }

  /** Without routing rules: every ticket lands in the default group. */
  public TicketOpening(
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      Clock clock,
      SlaPolicy sla) {
    this(tickets, events, messages, clock, sla, TicketRouting.none());
  }

  @Autowired
  public TicketOpening(
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      Clock clock,
      SlaPolicy sla,
      TicketRouting routing) {
    this.tickets = tickets;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
    this.sla = sla;
    this.routing = routing;
  }

  public TicketsRecord open(NewTicket ticket) {
    return open(ticket, clock.instant());
  }

  /** Opens a ticket as of {@code now}: the demo's history is written as it would have happened. */
  public TicketsRecord open(NewTicket ticket, Instant now) {
    Optional<Routing.Match> routed = routing.route(ticket);
    Priority priority = routed.map(match -> match.rule().setPriority()).orElse(ticket.priority());
    List<String> tags =
        routed
            .map(match -> List.copyOf(Tags.normalizeAll(match.rule().addTags(), "addTags")))
            .orElse(List.of());
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject(ticket.subject())
            .setStatus((ticket.assignee() == null ? TicketStatus.NEW : TicketStatus.OPEN).name())
            .setPriority(priority.name())
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
    routed.ifPresent(
        match -> row.setGroupId(match.rule().groupId()).setTags(tags.toArray(String[]::new)));
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
    routed.ifPresent(match -> routedEvent(row, match, ticket.priority(), priority, tags, now));
    return row;
  }

  /**
   * The ROUTED event: which rule matched and what it changed, a microsecond after CREATED so the
   * audit trail lists it second.
   */
  private void routedEvent(
      TicketsRecord row,
      Routing.Match match,
      Priority asked,
      Priority priority,
      List<String> tags,
      Instant now) {
    RoutingRule rule = match.rule();
    List<FieldChange> changes = new ArrayList<>();
    changes.add(new FieldChange("group", routing.defaultGroupLabel(), rule.groupLabel()));
    if (priority != asked) {
      changes.add(new FieldChange("priority", asked.name(), priority.name()));
    }
    if (!tags.isEmpty()) {
      changes.add(new FieldChange("tags", null, String.join(", ", tags)));
    }
    events.insertIfAbsent(
        new TicketEventsRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(row.getNumber())
            .setTicketVersion(1L)
            .setKind(TicketEvent.Kind.ROUTED.name())
            .setActorKind(Actor.SYSTEM.kind().name())
            .setActorId(Actor.SYSTEM.id())
            .setActorName(Actor.SYSTEM.name())
            .setComment(match.describe())
            .setChanges(JSONB.valueOf(JSON.writeValueAsString(changes)))
            .setOccurredAt(at(now.plusNanos(1_000))));
  }
}
