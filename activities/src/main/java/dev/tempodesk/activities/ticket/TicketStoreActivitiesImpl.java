package dev.tempodesk.activities.ticket;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.sla.SlaPolicyReader;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.AppliedSla;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketStoreActivities;
import java.util.UUID;
import org.jooq.JSONB;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Writes the ticket projection and its audit trail to Postgres. */
@Component("ticketStoreActivities")
public class TicketStoreActivitiesImpl implements TicketStoreActivities {
  private final TicketRepository tickets;
  private final TicketEventRepository events;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final AssignerWakeUp assigner;

  /** Null in rigs without SLA policies: none matches, the configured defaults apply. */
  private final SlaPolicyReader slaPolicies;

  public TicketStoreActivitiesImpl(
      TicketRepository tickets,
      TicketEventRepository events,
      TransactionTemplate transaction,
      JsonMapper json) {
    this(tickets, events, transaction, json, AssignerWakeUp.none());
  }

  public TicketStoreActivitiesImpl(
      TicketRepository tickets,
      TicketEventRepository events,
      TransactionTemplate transaction,
      JsonMapper json,
      AssignerWakeUp assigner) {
    this(tickets, events, transaction, json, assigner, null);
  }

  @Autowired
  public TicketStoreActivitiesImpl(
      TicketRepository tickets,
      TicketEventRepository events,
      TransactionTemplate transaction,
      JsonMapper json,
      AssignerWakeUp assigner,
      SlaPolicyReader slaPolicies) {
    this.tickets = tickets;
    this.events = events;
    this.transaction = transaction;
    this.json = json;
    this.assigner = assigner;
    this.slaPolicies = slaPolicies;
  }

  @Override
  public void recordChange(TicketChangeRecord change) {
    TicketEvent event = change.event();
    transaction.executeWithoutResult(
        status -> {
          tickets.writeProjection(TicketRows.toRow(change.ticket(), event.occurredAt()));
          events.insertIfAbsent(toRow(change.ticket().number, change.ticket().version, event));
        });
    // After the commit, so the assigner's next pass sees the change.
    assigner.afterChange(change);
  }

  @Override
  public AppliedSla lookUpSla(long ticketNumber, SlaPolicyRules.TicketFacts facts) {
    return slaPolicies == null ? null : slaPolicies.lookUp(ticketNumber, facts);
  }

  TicketEventsRecord toRow(long ticketNumber, long ticketVersion, TicketEvent event) {
    return new TicketEventsRecord()
        .setId(UUID.fromString(event.id()))
        .setTicketNumber(ticketNumber)
        .setTicketVersion(ticketVersion)
        .setKind(event.kind().name())
        .setActorKind(event.actor().kind().name())
        .setActorId(event.actor().id())
        .setActorName(event.actor().name())
        .setComment(event.comment())
        .setChanges(JSONB.valueOf(json.writeValueAsString(event.changes())))
        .setOccurredAt(TicketRows.at(event.occurredAt()));
  }
}
