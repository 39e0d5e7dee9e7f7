package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.ticket.TicketAccess;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketRepository.RelatedBy;
import dev.tempodesk.db.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tickets around a customer: an organization's tickets (its page) and, on a ticket's page, the
 * reporter's other tickets, their organization's and the asset's history. Open tickets first, then
 * the newest.
 */
@RestController
@Tag(name = "Tickets")
class CustomerContextController {
  /** How many tickets of each kind the ticket page shows. */
  static final int CONTEXT_SIZE = 10;

  private final TicketRepository tickets;
  private final OrganizationRepository organizations;
  private final VisibleTickets visible;
  private final Clock clock;

  CustomerContextController(
      TicketRepository tickets,
      OrganizationRepository organizations,
      VisibleTickets visible,
      Clock clock) {
    this.visible = visible;
    this.tickets = tickets;
    this.organizations = organizations;
    this.clock = clock;
  }

  @Schema(
      description =
          "Tickets around one ticket's customer, without the ticket itself; each list open"
              + " tickets first, then the newest, at most 10. A list is empty when the ticket has"
              + " no organization or asset.")
  record CustomerContextDto(
      @Schema(description = "The reporter's other tickets") List<TicketDto> reporterTickets,
      @Schema(description = "Other tickets of the ticket's organization")
          List<TicketDto> organizationTickets,
      @Schema(description = "Other tickets about the ticket's asset")
          List<TicketDto> assetTickets) {}

  @GetMapping("/api/tickets/{number}/context")
  @Operation(
      operationId = "getTicketCustomerContext",
      summary = "The reporter's other tickets, the organization's and the asset's history")
  CustomerContextDto context(@PathVariable long number) {
    visible.require(number);
    TicketView ticket =
        tickets
            .findView(number)
            .orElseThrow(() -> new NotFoundException("There is no ticket #" + number + "."));
    Instant now = clock.instant();
    TicketAccess access = visible.access();
    return new CustomerContextDto(
        related(RelatedBy.REPORTER, ticket.reporterId(), number, CONTEXT_SIZE, now, access),
        related(RelatedBy.ORGANIZATION, ticket.organizationId(), number, CONTEXT_SIZE, now, access),
        related(RelatedBy.ASSET, ticket.assetId(), number, CONTEXT_SIZE, now, access));
  }

  @GetMapping("/api/organizations/{id}/tickets")
  @Operation(
      operationId = "listOrganizationTickets",
      summary = "An organization's tickets, open ones first, then the newest")
  List<TicketDto> organizationTickets(
      @PathVariable long id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    if (organizations.find(id).isEmpty()) {
      throw new NotFoundException("There is no organization #" + id + ".");
    }
    return related(RelatedBy.ORGANIZATION, id, null, limit, clock.instant(), visible.access());
  }

  /** The tickets of a reporter, organization or asset that the asker may see. */
  private List<TicketDto> related(
      RelatedBy by, Long id, Long except, int limit, Instant now, TicketAccess access) {
    if (id == null) {
      return List.of();
    }
    return tickets.listRelated(by, id, except, limit, access).stream()
        .map(view -> TicketDto.from(view, now))
        .toList();
  }
}
