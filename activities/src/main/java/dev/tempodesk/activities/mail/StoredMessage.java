package dev.tempodesk.activities.mail;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.InboundMessage;

/**
 * A stored inbound message, the ticket it belongs to, the signal that tells that ticket, and
 * whether files of it wait to be fetched.
 */
record StoredMessage(TicketsRecord ticket, InboundMessage signal, boolean attachmentsPending) {}
