package dev.tempodesk.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An internal note: shown to agents in the ticket's thread, never mailed. */
public record NoteBody(
    @NotBlank @Size(max = 100_000) String body,
    @Schema(
            description =
                "TEXT (default) or HTML; HTML keeps only formatting (see README, Replies)")
        ReplyBody.BodyFormat bodyFormat) {}
