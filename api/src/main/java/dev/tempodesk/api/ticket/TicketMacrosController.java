package dev.tempodesk.api.ticket;

import dev.tempodesk.api.macro.MacroDtos.MacroPreviewDto;
import dev.tempodesk.api.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A macro used on one ticket: rendered for review, or applied in one step (issue 19). */
@RestController
@RequestMapping("/api/tickets/{number}/macros/{id}")
@Tag(name = "Macros")
class TicketMacrosController {
  private final MacroCommands commands;
  private final CurrentActor actor;

  TicketMacrosController(MacroCommands commands, CurrentActor actor) {
    this.commands = commands;
    this.actor = actor;
  }

  @PostMapping("/preview")
  @Operation(
      operationId = "previewMacro",
      summary =
          "The macro rendered for this ticket, for the ticket page to fill in; changes nothing",
      description =
          "replyText and note with their placeholders filled in for the ticket and the signed-in"
              + " agent, and update: the macro's change as a PATCH /api/tickets/{number} body.")
  MacroPreviewDto preview(@PathVariable long number, @PathVariable long id) {
    return commands.preview(number, id, actor.required());
  }

  @PostMapping("/apply")
  @Operation(
      operationId = "applyMacro",
      summary = "Apply a macro in one step: its change, then its reply, then its note",
      description =
          "The change goes through PATCH's rules and assignment rights with the comment \"Macro:"
              + " name\" (one audit event); if it is refused nothing is sent (PATCH's 4xx naming"
              + " the field). Then the reply is queued like POST .../replies and the note added."
              + " With an Idempotency-Key, a repeat by the same agent returns the first result"
              + " (replayed: true) and changes nothing; a key used for another ticket or macro is"
              + " refused with 422, a repeat while the first still runs with 409.")
  ResponseEntity<MacroApplyResponse> apply(
      @PathVariable long number,
      @PathVariable long id,
      @Parameter(description = "Makes the apply safe to repeat (1 to 255 characters)")
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey) {
    MacroApplyResponse result = commands.apply(number, id, actor.required(), idempotencyKey);
    return ResponseEntity.ok()
        .header("Idempotent-Replayed", String.valueOf(result.replayed()))
        .body(result);
  }
}
