package dev.tempodesk.activities.outbound;

import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Opens the outbound tests' ticket: "Printer jam", reported by a contact, no organization. */
final class PrinterJamTickets {
  private PrinterJamTickets() {}

  /**
   * @param assignee the agent it is assigned to, or null for a NEW ticket
   * @return the ticket's number
   */
  static long open(TestJooq jooq, Channel channel, ContactsRecord reporter, AgentsRecord assignee) {
    var dsl = jooq.dsl();
    TicketOpening opening =
        new TicketOpening(
            new TicketRepository(dsl),
            new TicketEventRepository(dsl),
            new MessageRepository(dsl),
            Clock.systemUTC());
    MessagesRecord first =
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setDirection("INBOUND")
            .setAuthorContactId(reporter.getId())
            .setBodyText("It jams.")
            .setOccurredAt(TicketRows.at(Instant.now()));
    NewTicket ticket =
        NewTicket.byAgent(
                channel,
                Actor.contact(reporter.getId(), reporter.getDisplayName()),
                reporter,
                "Printer jam",
                Priority.NORMAL,
                first,
                "opened")
            .inOrganization(null)
            .assignedTo(assignee);
    return jooq.transactions().execute(status -> opening.open(ticket).getNumber());
  }
}
