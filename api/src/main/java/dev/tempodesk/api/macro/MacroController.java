package dev.tempodesk.api.macro;

import dev.tempodesk.api.macro.MacroDtos.MacroDto;
import dev.tempodesk.api.macro.MacroDtos.MacroRequest;
import dev.tempodesk.api.macro.MacroDtos.PlaceholderDto;
import dev.tempodesk.api.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Macros (issue 19): canned replies with placeholders and changes. Every agent reads the shared
 * ones and their own; admins and managers write the shared ones, every agent their personal ones.
 * Applying one: {@code /api/tickets/{number}/macros/{id}/preview} and {@code .../apply}.
 */
@RestController
@RequestMapping("/api/macros")
@Tag(name = "Macros")
class MacroController {
  private final Macros macros;
  private final CurrentActor actor;

  MacroController(Macros macros, CurrentActor actor) {
    this.macros = macros;
    this.actor = actor;
  }

  @GetMapping
  @Operation(
      operationId = "listMacros",
      summary = "The shared macros and the signed-in agent's own, shared first, then by name")
  List<MacroDto> list() {
    return macros.list(actor.required());
  }

  @GetMapping("/placeholders")
  @Operation(
      operationId = "listMacroPlaceholders",
      summary = "The placeholders a reply text or note may use, as {{name}}",
      description =
          "Any other {{...}} is refused when the macro is saved (422 naming the field). A value"
              + " the ticket does not have (e.g. no organization) renders as empty text.")
  List<PlaceholderDto> placeholders() {
    return Placeholders.ALL.stream()
        .map(p -> new PlaceholderDto(p.name(), p.description()))
        .toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getMacro")
  MacroDto get(@PathVariable long id) {
    return macros.get(id, actor.required());
  }

  @PostMapping
  @Operation(
      operationId = "createMacro",
      summary = "Create a macro",
      description =
          "shared=true only for admins and managers (403 naming shared). 422 naming the field: an"
              + " unknown placeholder (replyText, note), PENDING without pendingReason or"
              + " pendingFor, a resolution without CLOSED, an unknown assignee. 409 naming name:"
              + " the name is taken (among shared macros, or among the agent's own).")
  ResponseEntity<MacroDto> create(@RequestBody MacroRequest request) {
    MacroDto created = macros.create(request, actor.required());
    return ResponseEntity.created(URI.create("/api/macros/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @Operation(
      operationId = "replaceMacro",
      summary = "Replace a macro as a whole",
      description = "Shared macros: admins and managers only (403 naming shared).")
  MacroDto replace(@PathVariable long id, @RequestBody MacroRequest request) {
    return macros.replace(id, request, actor.required());
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteMacro")
  ResponseEntity<Void> delete(@PathVariable long id) {
    macros.delete(id, actor.required());
    return ResponseEntity.noContent().build();
  }
}
