package dev.tempodesk.activities.ticket;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;

/**
 * A ticket about to be opened, with its first message (whose ticket number is filled in on
 * opening). Mailbox and thread are set for tickets that come from email; {@code previousTicket} for
 * a follow-up of a ticket closed beyond its reopen window.
 */
public record NewTicket(
    String subject,
    Priority priority,
    Channel channel,
    ContactsRecord reporter,
    Long organizationId,
    Long assetId,
    AgentsRecord assignee,
    Long mailboxId,
    String threadId,
    Long previousTicket,
    MessagesRecord firstMessage,
    Actor actor,
    String comment) {}
