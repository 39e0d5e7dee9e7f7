package dev.tempodesk.api.similar;

import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.ticket.SimilarTicketRepository;
import dev.tempodesk.db.ticket.SimilarTicketRepository.SimilarTicket;
import dev.tempodesk.db.ticket.SimilarTicketRepository.SolvingReply;
import dev.tempodesk.db.ticket.TicketAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Similar solved tickets" on a ticket's page (issue 23 item 5): works without any language model,
 * from Postgres full-text search ({@link SimilarTicketRepository}). Only tickets the asker sees; a
 * ticket they may not see answers 404 as a missing one.
 */
@RestController
@Tag(name = "Tickets")
class SimilarTicketsController {
  private final SimilarTicketRepository similar;
  private final VisibleTickets visible;

  SimilarTicketsController(SimilarTicketRepository similar, VisibleTickets visible) {
    this.similar = similar;
    this.visible = visible;
  }

  @Schema(description = "The last public reply an agent sent before the ticket was solved")
  record SolvingReplyDto(
      UUID messageId,
      @Schema(description = "Its plain text, as sent (with the signature it had)") String text,
      Long agentId,
      String agentName,
      Instant sentAt) {
    static SolvingReplyDto from(SolvingReply reply) {
      return reply == null
          ? null
          : new SolvingReplyDto(
              reply.messageId(), reply.text(), reply.agentId(), reply.agentName(), reply.sentAt());
    }
  }

  @Schema(description = "A ticket closed as solved (or with a workaround) like the one asked about")
  record SimilarTicketDto(
      long number,
      String subject,
      @Schema(description = "SOLVED or WORKAROUND") String resolution,
      Instant closedAt,
      @Schema(description = "How alike (Postgres ts_rank); higher is more alike") double rank,
      @Schema(description = "The reply that solved it; null when no agent replied in public")
          SolvingReplyDto reply) {}

  @GetMapping("/api/tickets/{number}/similar")
  @Operation(
      operationId = "listSimilarTickets",
      summary = "Solved tickets like this one, each with the reply that solved it",
      description =
          "Full-text search with the ticket's subject and first customer message over tickets"
              + " closed as SOLVED or WORKAROUND that the caller sees, the most alike first; never"
              + " the ticket itself. Needs no assist provider. Empty when nothing is alike.")
  List<SimilarTicketDto> similar(
      @PathVariable long number,
      @Parameter(description = "How many, 1 to 20")
          @RequestParam(defaultValue = "5")
          @Min(1)
          @Max(20)
          int limit) {
    visible.require(number);
    TicketAccess access = visible.access();
    return similar.similarTo(number, access, limit).stream()
        .map(SimilarTicketsController::dto)
        .toList();
  }

  private static SimilarTicketDto dto(SimilarTicket found) {
    return new SimilarTicketDto(
        found.number(),
        found.subject(),
        found.resolution(),
        found.closedAt(),
        found.rank(),
        SolvingReplyDto.from(found.reply()));
  }
}
