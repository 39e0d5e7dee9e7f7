package dev.tempodesk.activities.mail;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.InboundMessage;

/** A stored inbound message, the ticket it belongs to, and the signal that tells that ticket. */
record StoredMessage(TicketsRecord ticket, InboundMessage signal) {}
