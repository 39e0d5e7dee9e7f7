package dev.tempodesk.activities.outbound;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.DeliveryFailureRepository;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.TicketEvent;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;

/**
 * Tells people that a message could not be sent: a REPLY_FAILED entry in the audit trail and an
 * in-app notification for the agent who wrote it (else the assignee). Runs in the transaction that
 * moves the message from QUEUED to FAILED, which happens once per failure, so each failure is
 * recorded once. The one place to point at the notification service once it exists.
 */
@Component
public class DeliveryFailureNotice {
  private final TicketEventRepository events;
  private final DeliveryFailureRepository notifications;
  private final Clock clock;

  public DeliveryFailureNotice(
      TicketEventRepository events, DeliveryFailureRepository notifications, Clock clock) {
    this.events = events;
    this.notifications = notifications;
    this.clock = clock;
  }

  void failed(TicketsRecord ticket, MessagesRecord message, String error) {
    UUID eventId = UUID.randomUUID();
    events.insertIfAbsent(
        new TicketEventsRecord()
            .setId(eventId)
            .setTicketNumber(ticket.getNumber())
            .setTicketVersion(ticket.getVersion())
            .setKind(TicketEvent.Kind.REPLY_FAILED.name())
            .setActorKind(Actor.SYSTEM.kind().name())
            .setActorName(Actor.SYSTEM.name())
            .setComment("Could not send \"" + message.getSubject() + "\": " + error)
            .setChanges(JSONB.valueOf("[]"))
            .setOccurredAt(clock.instant().atOffset(ZoneOffset.UTC)));
    Long agentId =
        message.getAuthorAgentId() != null ? message.getAuthorAgentId() : ticket.getAssigneeId();
    if (agentId != null) {
      notifications.notifyAgent(
          "reply-failed:" + message.getId() + ":" + eventId + ":agent:" + agentId,
          agentId,
          ticket.getNumber(),
          TicketEvent.Kind.REPLY_FAILED.name(),
          "Mail on ticket #" + ticket.getNumber() + " was not sent",
          error);
    }
  }
}
