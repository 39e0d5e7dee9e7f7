package dev.tempodesk.api.people;

import dev.tempodesk.db.jooq.tables.records.ContactMergeFailuresRecord;
import dev.tempodesk.db.jooq.tables.records.ContactMergesRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A merge of contact {@code mergedId} into {@code survivorId}: RUNNING while its tickets move, DONE
 * when none is left behind, INCOMPLETE when some could not be moved ({@code failures}; asking for
 * the merge again retries them).
 */
public record ContactMergeDto(
    long id,
    long survivorId,
    long mergedId,
    @Schema(allowableValues = {"RUNNING", "DONE", "INCOMPLETE"}) String status,
    String comment,
    @Schema(description = "Tickets the merged contact reported when the merge started")
        int ticketsTotal,
    @Schema(description = "Tickets the merged contact still reports") int ticketsLeft,
    List<Failure> failures,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  /** A ticket that could not be moved, with the last error. */
  public record Failure(long ticketNumber, String error, OffsetDateTime failedAt) {}

  static ContactMergeDto from(
      ContactMergesRecord row, int ticketsLeft, List<ContactMergeFailuresRecord> failures) {
    return new ContactMergeDto(
        row.getId(),
        row.getSurvivorId(),
        row.getMergedId(),
        row.getStatus(),
        row.getComment(),
        row.getTicketsTotal(),
        ticketsLeft,
        failures.stream()
            .map(f -> new Failure(f.getTicketNumber(), f.getError(), f.getFailedAt()))
            .toList(),
        row.getStartedAt(),
        row.getFinishedAt());
  }
}
