package dev.tempodesk.db.ticket;

import java.util.List;
import java.util.Optional;

/** One page of the ticket list and where the next one starts (empty on the last page). */
public record TicketPage(List<TicketView> items, Optional<TicketCursor> next) {}
