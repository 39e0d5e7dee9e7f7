package dev.tempodesk.api.ticket;

import dev.tempodesk.workflows.ticket.FieldChange;
import java.util.List;

/**
 * A reply as queued (deliveryStatus QUEUED; it becomes SENT or FAILED on the message), the ticket
 * afterwards and what the optional status change did.
 */
public record ReplyResponse(
    MessageDto message, TicketDto ticket, List<FieldChange> changes, List<String> autoFixes) {}
