package dev.tempodesk.api.assist;

import dev.tempodesk.api.assist.AssistDtos.AssistLatestDto;
import dev.tempodesk.api.assist.AssistDtos.AssistRunningDto;
import dev.tempodesk.api.assist.AssistDtos.AssistSettingsRequest;
import dev.tempodesk.api.assist.AssistDtos.AssistStatusDto;
import dev.tempodesk.api.assist.AssistDtos.TriageApplyRequest;
import dev.tempodesk.api.error.ApiExceptionHandler;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.TicketUpdateResponse;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.assist.AssistRepository;
import dev.tempodesk.db.jooq.tables.records.AssistResultsRecord;
import dev.tempodesk.db.jooq.tables.records.AssistSettingsRecord;
import dev.tempodesk.workflows.assist.AssistKind;
import dev.tempodesk.workflows.assist.AssistOutcome;
import dev.tempodesk.workflows.assist.AssistRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assist (issue 23): a ticket's summary, a suggested reply and a triage from the team's language
 * model. Every model call runs in an {@code AssistWorkflow}'s activity; a request starts it (or
 * joins the one running for the ticket and kind) and waits up to {@link AssistRuns#WAIT}, then
 * answers 202 and the page asks again. Nothing here sends a reply; only triage/apply changes a
 * ticket, through PATCH's path.
 */
@RestController
@Tag(name = "Assist")
class AssistController {
  private final AssistSwitch assist;
  private final AssistRepository results;
  private final AssistRuns runs;
  private final AssistTriage triage;
  private final VisibleTickets visible;
  private final CurrentActor actor;

  AssistController(
      AssistSwitch assist,
      AssistRepository results,
      AssistRuns runs,
      AssistTriage triage,
      VisibleTickets visible,
      CurrentActor actor) {
    this.assist = assist;
    this.results = results;
    this.runs = runs;
    this.triage = triage;
    this.visible = visible;
    this.actor = actor;
  }

  @GetMapping("/api/assist")
  @Operation(operationId = "getAssistStatus", summary = "Whether assist is configured and on")
  AssistStatusDto status() {
    return statusOf(assist.settings());
  }

  @PutMapping("/api/assist/settings")
  @Operation(
      operationId = "updateAssistSettings",
      summary = "Switch assist on or off, and the auto-apply of new tickets' triage (admins)",
      description =
          "Off behaves exactly like no provider configured: the endpoints answer 409 assist-off"
              + " and nothing is sent to the model.")
  AssistStatusDto settings(@Valid @RequestBody AssistSettingsRequest request) {
    return statusOf(
        results.saveSettings(request.enabled(), request.autoApplyTriage(), actor.required().id()));
  }

  private AssistStatusDto statusOf(AssistSettingsRecord settings) {
    boolean configured = assist.provider().configured();
    return new AssistStatusDto(
        configured,
        settings.getEnabled(),
        configured && settings.getEnabled(),
        assist.provider().modelName().orElse(null),
        settings.getAutoApplyTriage());
  }

  @GetMapping("/api/tickets/{number}/assist/summary")
  @Operation(operationId = "getAssistSummary", summary = "The ticket's latest summary, if any")
  AssistLatestDto summary(@PathVariable long number) {
    return latest(number, AssistKind.SUMMARY);
  }

  @PostMapping("/api/tickets/{number}/assist/summary")
  @Operation(
      operationId = "summarizeTicket",
      summary = "Summarise the thread now (public messages only)",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The new summary",
            content = @Content(schema = @Schema(implementation = AssistResultDto.class))),
        @ApiResponse(
            responseCode = "202",
            description = "The model has not answered yet: POST again to wait for the same run",
            content = @Content(schema = @Schema(implementation = AssistRunningDto.class)))
      })
  ResponseEntity<?> summarize(@PathVariable long number) {
    return ask(number, AssistKind.SUMMARY);
  }

  @PostMapping("/api/tickets/{number}/assist/draft")
  @Operation(
      operationId = "draftReply",
      summary = "A suggested reply for the reply box; never sent by itself",
      description =
          "Written from the thread's public messages and the macros the agent may use. The page"
              + " fills it into the reply box for the agent to edit and send (or not).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The draft",
            content = @Content(schema = @Schema(implementation = AssistResultDto.class))),
        @ApiResponse(
            responseCode = "202",
            description = "The model has not answered yet: POST again to wait for the same run",
            content = @Content(schema = @Schema(implementation = AssistRunningDto.class)))
      })
  ResponseEntity<?> draft(@PathVariable long number) {
    return ask(number, AssistKind.DRAFT);
  }

  @GetMapping("/api/tickets/{number}/assist/triage")
  @Operation(
      operationId = "getAssistTriage",
      summary = "The ticket's latest triage suggestion (written when it arrived), if any")
  AssistLatestDto triage(@PathVariable long number) {
    return latest(number, AssistKind.TRIAGE);
  }

  @PostMapping("/api/tickets/{number}/assist/triage")
  @Operation(
      operationId = "triageTicket",
      summary = "Suggest priority, tags and group now; changes nothing",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The suggestion",
            content = @Content(schema = @Schema(implementation = AssistResultDto.class))),
        @ApiResponse(
            responseCode = "202",
            description = "The model has not answered yet: POST again to wait for the same run",
            content = @Content(schema = @Schema(implementation = AssistRunningDto.class)))
      })
  ResponseEntity<?> triageNow(@PathVariable long number) {
    return ask(number, AssistKind.TRIAGE);
  }

  @PostMapping("/api/tickets/{number}/assist/triage/apply")
  @Operation(
      operationId = "applyAssistTriage",
      summary = "Apply a triage suggestion through PATCH's rules, audited \"Suggested by assist\"",
      description =
          "Only the stored, checked suggestion is applied (a known priority, tags the tag rules"
              + " accept, an existing group), with the agent's assignment rights, each suggestion"
              + " once (409 the second time, or when it would change nothing).")
  TicketUpdateResponse apply(
      @PathVariable long number, @Valid @RequestBody TriageApplyRequest request) {
    SignedInUser user = actor.required();
    visible.require(user, number);
    assist.requireOn();
    AssistResultsRecord result =
        results
            .find(request.resultId())
            .filter(row -> row.getTicketNumber() == number)
            .filter(row -> AssistKind.TRIAGE.name().equals(row.getKind()))
            .orElseThrow(
                () ->
                    FieldException.notFound(
                        "resultId",
                        "Ticket #%d has no triage suggestion #%d."
                            .formatted(number, request.resultId())));
    return triage
        .apply(result, user, actor.of(user))
        .orElseThrow(
            () ->
                FieldException.conflict(
                    "resultId", "The ticket already has what this suggestion suggests."));
  }

  private AssistLatestDto latest(long number, AssistKind kind) {
    visible.require(actor.required(), number);
    assist.requireOn();
    return new AssistLatestDto(
        results.latest(number, kind.name()).map(AssistResultDto::of).orElse(null),
        results.publicMessages(number));
  }

  private ResponseEntity<?> ask(long number, AssistKind kind) {
    SignedInUser user = actor.required();
    visible.require(user, number);
    assist.requireOn();
    AssistRequest request = AssistRequest.byAgent(number, kind, user.id());
    Optional<AssistOutcome> outcome = runs.run(request, AssistRuns.WAIT);
    if (outcome.isPresent()
        && outcome.get().resultId() == null
        && outcome.get().failure() == null) {
      // Joined an automatic run that found nothing to do: ask for this agent now.
      outcome = runs.run(request, AssistRuns.WAIT);
    }
    if (outcome.isEmpty()) {
      int seconds = 2;
      return ResponseEntity.accepted()
          .header("Retry-After", String.valueOf(seconds))
          .body(new AssistRunningDto("RUNNING", seconds));
    }
    AssistOutcome done = outcome.get();
    if (done.failure() != null) {
      throw failed(done);
    }
    return ResponseEntity.ok(AssistResultDto.of(results.find(done.resultId()).orElseThrow()));
  }

  private ErrorResponseException failed(AssistOutcome outcome) {
    if (AssistOutcome.OFF.equals(outcome.failure())) {
      assist.requireOn(); // switched off meanwhile: the usual 409
    }
    HttpStatus status;
    String slug;
    String title;
    String detail;
    switch (outcome.failure()) {
      case "RATE_LIMITED" -> {
        status = HttpStatus.TOO_MANY_REQUESTS;
        slug = "assist-busy";
        title = "The model is busy";
        detail = "The language model's per-minute budget is spent; try again in a minute.";
      }
      case "MALFORMED", "REFUSED" -> {
        status = HttpStatus.BAD_GATEWAY;
        slug = "assist-failed";
        title = "The model gave no usable answer";
        detail = "The language model gave no usable answer (" + outcome.message() + ").";
      }
      case "NOT_FOUND" -> {
        status = HttpStatus.NOT_FOUND;
        slug = "not-found";
        title = "Not found";
        detail = outcome.message();
      }
      default -> {
        status = HttpStatus.SERVICE_UNAVAILABLE;
        slug = "assist-unavailable";
        title = "The model is unavailable";
        detail = "The language model did not answer; try again later.";
      }
    }
    ProblemDetail problem = ApiExceptionHandler.problem(status, slug, title, detail, null);
    ErrorResponseException error = new ErrorResponseException(status, problem, null);
    if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
      error.getHeaders().set("Retry-After", "60");
    }
    return error;
  }
}
