package dev.tempodesk.api.assist;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The JSON of {@code /api/assist} and {@code /api/tickets/{number}/assist/…}. */
public final class AssistDtos {
  private AssistDtos() {}

  @Schema(description = "Whether assist is configured and on, and with which model")
  public record AssistStatusDto(
      @Schema(description = "A provider is configured (TEMPODESK_ASSIST_URL)") boolean configured,
      @Schema(description = "Not switched off by an admin") boolean enabled,
      @Schema(description = "configured and enabled: the ticket page shows assist") boolean on,
      @Schema(description = "The configured model (TEMPODESK_ASSIST_MODEL)", nullable = true)
          String model,
      @Schema(description = "New tickets' triage is applied without a click")
          boolean autoApplyTriage) {}

  @Schema(description = "The admin's switches of assist")
  public record AssistSettingsRequest(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull Boolean enabled,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull Boolean autoApplyTriage) {}

  @Schema(description = "The latest suggestion of a kind for the ticket, if any")
  public record AssistLatestDto(
      @Schema(nullable = true) AssistResultDto latest,
      @Schema(description = "Public messages of the thread now") int publicMessages) {}

  @Schema(description = "The model has not answered yet: ask again (the same request is joined)")
  public record AssistRunningDto(
      @Schema(description = "RUNNING") String status,
      @Schema(description = "Seconds to wait before asking again") int retryAfterSeconds) {}

  @Schema(description = "Which triage suggestion to apply")
  public record TriageApplyRequest(
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "The suggestion's id (GET .../assist/triage)")
          @NotNull
          Long resultId) {}
}
