package dev.tempodesk.api.bulk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A bulk action's progress: {@code applied + refused} of {@code total} tickets decided, {@code
 * done} once every ticket is; {@code results} lists decided tickets by number from {@code after},
 * {@code nextAfter} continues the list.
 */
@Schema(description = "A bulk action's progress and per-ticket results")
public record BulkActionDto(
    long id,
    String comment,
    int total,
    int applied,
    int refused,
    boolean done,
    Instant createdAt,
    Instant finishedAt,
    List<BulkTicketResult> results,
    @Schema(description = "Pass as after for the next results; null at the end", nullable = true)
        Long nextAfter) {

  /** One ticket's outcome; {@code reason} and {@code field} only when refused. */
  public record BulkTicketResult(long number, Outcome outcome, String reason, String field) {}

  public enum Outcome {
    APPLIED,
    REFUSED
  }
}
