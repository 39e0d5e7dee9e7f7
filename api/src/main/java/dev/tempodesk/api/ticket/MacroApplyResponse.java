package dev.tempodesk.api.ticket;

import dev.tempodesk.workflows.ticket.FieldChange;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What applying a macro did: the ticket afterwards, the reply (queued) and note if the macro has
 * them, and the fields its change changed (the audit event "Macro: name").
 */
public record MacroApplyResponse(
    TicketDto ticket,
    @Schema(description = "The reply as queued; null when the macro has no reply text")
        MessageDto reply,
    @Schema(description = "The internal note; null when the macro has none") MessageDto note,
    List<FieldChange> changes,
    List<String> autoFixes,
    @Schema(
            description =
                "True when this is the stored result of an earlier request with the same Idempotency-Key")
        boolean replayed) {}
