package dev.tempodesk.bench.list;

import dev.tempodesk.db.ticket.TicketCursor;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketSort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One request of B2 in both forms: the URL an agent's browser asks for, and the filter and cursor
 * the controller hands to the repository for it (so the baseline can run the very same SQL).
 */
record ListRequest(String path, TicketFilter filter, TicketCursor cursor) {
  static final int PAGE_SIZE = 50; // the endpoint's default limit

  static ListRequest firstPage() {
    return new ListRequest("/api/tickets", TicketFilter.defaults(), null);
  }

  static ListRequest after(TicketCursor cursor) {
    return new ListRequest(
        "/api/tickets?cursor=" + cursor.encode(), TicketFilter.defaults(), cursor);
  }

  /** A search as the list's search box sends it: best match first (the default with a text). */
  static ListRequest search(String text) {
    return new ListRequest(
        "/api/tickets?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8),
        new TicketFilter(
            Set.of(),
            Set.of(),
            null,
            false,
            null,
            text,
            false,
            Set.of(),
            Set.of(),
            null,
            TicketSort.RELEVANCE),
        null);
  }
}
