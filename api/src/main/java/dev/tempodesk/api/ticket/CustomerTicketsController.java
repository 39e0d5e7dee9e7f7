package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.ticket.TicketCursor;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketPage;
import dev.tempodesk.db.ticket.TicketRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The per-customer view for agents: every ticket a contact reported, with status and SLA now. */
@RestController
@Tag(name = "Tickets")
class CustomerTicketsController {
  private final ContactRepository contacts;
  private final TicketRepository tickets;
  private final VisibleTickets visible;
  private final Clock clock;

  CustomerTicketsController(
      ContactRepository contacts, TicketRepository tickets, VisibleTickets visible, Clock clock) {
    this.visible = visible;
    this.contacts = contacts;
    this.tickets = tickets;
    this.clock = clock;
  }

  @GetMapping("/api/customers/{contactId}/tickets")
  @Operation(
      operationId = "listCustomerTickets",
      summary = "Tickets reported by one customer (contact), most urgent first")
  TicketPageDto list(
      @PathVariable long contactId,
      @Parameter(description = "Include CLOSED tickets") @RequestParam(defaultValue = "true")
          boolean includeDone,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
          String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    if (contacts.find(contactId).isEmpty()) {
      throw new NotFoundException("There is no contact #" + contactId + ".");
    }
    TicketCursor after = CursorParameter.parse(cursor);
    TicketPage page =
        tickets.list(
            new TicketFilter(Set.of(), Set.of(), null, false, contactId, null, includeDone)
                .within(visible.access()),
            after,
            limit);
    return new TicketPageDto(
        page.items().stream().map(view -> TicketDto.from(view, clock.instant())).toList(),
        page.next().map(TicketCursor::encode).orElse(null));
  }
}
