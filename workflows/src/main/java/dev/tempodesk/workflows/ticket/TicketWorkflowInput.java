package dev.tempodesk.workflows.ticket;

/**
 * Start (and continue-as-new) argument of a ticket workflow: the ticket as it stands, and the
 * policy it runs under.
 */
public record TicketWorkflowInput(TicketState ticket, TicketPolicy policy) {}
