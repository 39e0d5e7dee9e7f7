package dev.tempodesk.api.bulk;

import dev.tempodesk.api.ticket.TicketListParams;
import dev.tempodesk.api.ticket.TicketPatchRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One change with one comment for many tickets: either the chosen {@code numbers} or every ticket
 * {@code matching} a list filter (resolved to numbers when the action starts), at most {@value
 * BulkActions#MAX_TICKETS}.
 *
 * @param changes the fields of a PATCH (its own comment and expectedVersion are not used; the
 *     action's comment is every ticket's comment). Macros (issue 19 item 1) will fill this object.
 */
@Schema(
    description =
        "A bulk action: numbers or matching (exactly one), the changes of a PATCH, one comment")
public record BulkActionRequest(
    @Schema(description = "The chosen tickets' numbers") List<Long> numbers,
    @Schema(description = "Every ticket the list shows with this filter (\"select all matching\")")
        @Valid
        TicketListParams matching,
    @Schema(description = "The change made to each ticket; optional with a macro") @Valid
        TicketPatchRequest changes,
    @Schema(
            description =
                "A macro applied to each ticket (its change, reply and note, as the one-step"
                    + " apply does), after the changes if both are given")
        Long macroId,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            description = "Why; written to every ticket's audit trail")
        @Size(max = 10_000)
        String comment) {}
