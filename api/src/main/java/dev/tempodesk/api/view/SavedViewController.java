package dev.tempodesk.api.view;

import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.view.SavedViewDtos.SavedViewDto;
import dev.tempodesk.api.view.SavedViewDtos.SavedViewRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** Saved views (issue 19): named ticket-list filters with live counts, personal or shared. */
@RestController
@RequestMapping("/api/views")
@Tag(name = "Saved views")
class SavedViewController {
  private final SavedViews views;
  private final CurrentActor actor;

  SavedViewController(SavedViews views, CurrentActor actor) {
    this.views = views;
    this.actor = actor;
  }

  @GetMapping
  @Operation(
      operationId = "listSavedViews",
      summary = "Shared views, then the signed-in agent's own, each with its live count",
      description =
          "count is the number of tickets the view matches now, counted up to 1,000"
              + " (countCapped: show 999+).")
  List<SavedViewDto> list() {
    return views.visibleTo(actor.required());
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getSavedView")
  SavedViewDto get(@PathVariable long id) {
    return views.get(id, actor.required());
  }

  @PostMapping
  @Operation(
      operationId = "createSavedView",
      summary = "Save a filter as a view; shared ones only by admins and managers")
  ResponseEntity<SavedViewDto> create(@Valid @RequestBody SavedViewRequest request) {
    SavedViewDto created = views.create(request, actor.required());
    return ResponseEntity.created(URI.create("/api/views/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @Operation(
      operationId = "replaceSavedView",
      summary = "Rename, refilter or move a view (one's own; shared: admins and managers)")
  SavedViewDto replace(@PathVariable long id, @Valid @RequestBody SavedViewRequest request) {
    return views.update(id, request, actor.required());
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteSavedView")
  ResponseEntity<Void> delete(@PathVariable long id) {
    views.delete(id, actor.required());
    return ResponseEntity.noContent().build();
  }
}
