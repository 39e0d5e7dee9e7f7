package dev.tempodesk.workflows.ticket;

/** One outbound message of a ticket. */
public record OutboundRef(long ticketNumber, String messageId) {}
