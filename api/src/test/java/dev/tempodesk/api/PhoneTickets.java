package dev.tempodesk.api;

import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * New tickets as an agent logs a customer's phone call: no mailbox or thread, so no acknowledgement
 * is mailed and the ticket's workflow needs nothing but the database.
 */
public final class PhoneTickets {
  private PhoneTickets() {}

  /**
   * A ticket whose first message (the call's notes) is {@code subject}, opened by the system.
   *
   * @param assignee the agent holding it from the start, or null for the waiting queue
   */
  public static NewTicket call(
      ContactsRecord reporter,
      Priority priority,
      String subject,
      AgentsRecord assignee,
      String comment) {
    MessagesRecord first =
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setDirection("INBOUND")
            .setAuthorContactId(reporter.getId())
            .setBodyText(subject)
            .setOccurredAt(OffsetDateTime.now());
    return NewTicket.byAgent(
            Channel.PHONE, Actor.SYSTEM, reporter, subject, priority, first, comment)
        .inOrganization(null)
        .assignedTo(assignee);
  }
}
