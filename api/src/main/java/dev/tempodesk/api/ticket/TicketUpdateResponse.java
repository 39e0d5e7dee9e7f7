package dev.tempodesk.api.ticket;

import dev.tempodesk.workflows.ticket.FieldChange;
import java.util.List;

/**
 * The ticket after an accepted change, the fields that changed, and the rules that adjusted the
 * request (e.g. "CLOSED without a resolution type is SOLVED").
 */
public record TicketUpdateResponse(
    TicketDto ticket, List<FieldChange> changes, List<String> autoFixes) {}
