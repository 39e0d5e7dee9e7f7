package dev.tempodesk.api.view;

import dev.tempodesk.api.ticket.TicketListParams;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;

/** The bodies of {@code /api/views}. */
final class SavedViewDtos {
  private SavedViewDtos() {}

  @Schema(description = "A named ticket-list filter for the list's left rail")
  record SavedViewDto(
      long id,
      String name,
      @Schema(description = "The filter, named as the query parameters of GET /api/tickets")
          TicketListParams params,
      @Schema(description = "Seen by all staff (else only by its owner)") boolean shared,
      @Schema(description = "Whether the signed-in agent may rename, change or delete it")
          boolean editable,
      int position,
      @Schema(description = "Tickets matching now, counted up to 1,000") int count,
      @Schema(description = "True when at least 1,000 match: show 999+") boolean countCapped) {}

  @Schema(description = "A view to save or the new state of one")
  record SavedViewRequest(
      @Schema(description = "1 to 80 characters", requiredMode = Schema.RequiredMode.REQUIRED)
          String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Valid TicketListParams params,
      @Schema(
              description =
                  "Shared with all staff (admins and managers only); fixed when the view is"
                      + " created")
          Boolean shared,
      @Schema(description = "Place among its kind (shared or personal); default last")
          Integer position) {}
}
