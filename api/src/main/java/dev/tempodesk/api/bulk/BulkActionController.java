package dev.tempodesk.api.bulk;

import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.SignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets/bulk")
@Tag(name = "Tickets")
class BulkActionController {
  private final BulkActions bulk;
  private final CurrentActor actor;

  BulkActionController(BulkActions bulk, CurrentActor actor) {
    this.bulk = bulk;
    this.actor = actor;
  }

  @PostMapping
  @Operation(
      operationId = "startBulkAction",
      summary = "Make one change, with one comment, to many tickets",
      description =
          "Answers 202 at once; a workflow changes each ticket through its own update (as PATCH"
              + " does, with the caller's rights) and records it applied or refused with the"
              + " reason. numbers or matching (a list filter), at most 10,000 tickets. The same"
              + " Idempotency-Key again answers the action it started.")
  ResponseEntity<BulkActionStarted> start(
      @Valid @RequestBody BulkActionRequest request,
      @Parameter(description = "Repeating the request with this key starts nothing new")
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey) {
    SignedInUser user = actor.required();
    BulkActionStarted started = bulk.start(request, user, actor.of(user), idempotencyKey);
    return ResponseEntity.accepted()
        .location(URI.create("/api/tickets/bulk/" + started.id()))
        .body(started);
  }

  @GetMapping("/{id}")
  @Operation(
      operationId = "getBulkAction",
      summary = "A bulk action's progress and the outcome of each ticket decided so far")
  BulkActionDto get(
      @PathVariable long id,
      @Parameter(description = "Only results of this outcome (REFUSED: the refusals)")
          @RequestParam(required = false)
          BulkActionDto.Outcome outcome,
      @Parameter(description = "nextAfter of the previous read") @RequestParam(defaultValue = "0")
          long after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(BulkActions.MAX_RESULTS) int limit) {
    return bulk.progress(id, outcome, after, limit);
  }
}
