package dev.tempodesk.workflows.ticket;

/** The ticket after a change plus the audit event describing it; written in one transaction. */
public record TicketChangeRecord(TicketState ticket, TicketEvent event) {}
