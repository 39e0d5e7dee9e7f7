package dev.tempodesk.workflows.ticket;

import java.util.List;

/**
 * A queued reply: its message id (QUEUED until the sender reports SENT or FAILED), the ticket
 * afterwards and what the optional status change did.
 */
public record ReplyResult(
    String messageId, TicketState ticket, List<FieldChange> changes, List<String> autoFixes) {}
