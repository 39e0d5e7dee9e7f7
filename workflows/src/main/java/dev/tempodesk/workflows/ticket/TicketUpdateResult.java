package dev.tempodesk.workflows.ticket;

import java.util.List;

/**
 * What an accepted update did: the ticket afterwards, the field diffs recorded in the audit trail,
 * and the rules that adjusted the request on the caller's behalf (e.g. "CLOSED without a resolution
 * type is SOLVED").
 */
public record TicketUpdateResult(
    TicketState ticket, List<FieldChange> changes, List<String> autoFixes) {}
