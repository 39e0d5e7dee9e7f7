package dev.tempodesk.workflows.sla;

/**
 * One page of a selection, keyset by ticket number: the numbers above {@code afterNumber}, at most
 * {@code limit}, in ascending order.
 */
public record TicketPageRequest(TicketSelection selection, long afterNumber, int limit) {}
