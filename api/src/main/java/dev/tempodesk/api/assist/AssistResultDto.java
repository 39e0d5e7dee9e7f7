package dev.tempodesk.api.assist;

import dev.tempodesk.db.jooq.tables.records.AssistResultsRecord;
import dev.tempodesk.workflows.assist.AssistKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One stored suggestion of assist. */
@Schema(description = "A suggestion of assist, with the model that wrote it and when")
public record AssistResultDto(
    long id,
    long ticketNumber,
    AssistKind kind,
    @Schema(description = "A summary's or a draft's text; null for a triage", nullable = true)
        String text,
    @Schema(description = "A triage's suggestion; null otherwise", nullable = true)
        TriageSuggestion triage,
    @Schema(description = "The model that answered, as the provider names it") String model,
    OffsetDateTime createdAt,
    @Schema(description = "Public messages of the thread when it was written") int messagesCovered,
    @Schema(
            description = "The agent who asked; null when Tempodesk asked by itself",
            nullable = true)
        Long requestedBy,
    @Schema(description = "When a triage was applied; null until then", nullable = true)
        OffsetDateTime appliedAt) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static AssistResultDto of(AssistResultsRecord row) {
    AssistKind kind = AssistKind.valueOf(row.getKind());
    String content = row.getContent().data();
    String text = null;
    TriageSuggestion triage = null;
    if (kind == AssistKind.TRIAGE) {
      triage = TriageSuggestion.fromJson(content);
    } else {
      JsonNode node = JSON.readTree(content);
      text = node.path("text").asString("");
    }
    return new AssistResultDto(
        row.getId(),
        row.getTicketNumber(),
        kind,
        text,
        triage,
        row.getModel(),
        row.getCreatedAt(),
        row.getMessagesCovered(),
        row.getRequestedBy(),
        row.getAppliedAt());
  }

  /** How a summary's or a draft's text is stored in {@code content}. */
  static String textJson(String text) {
    return JSON.writeValueAsString(JSON.createObjectNode().put("text", text));
  }
}
