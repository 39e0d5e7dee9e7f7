package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.db.ticket.TicketCursor;
import dev.tempodesk.db.ticket.TicketSort;

/** The {@code cursor} query parameter of every ticket list: absent, or a previous page's cursor. */
public final class CursorParameter {
  private CursorParameter() {}

  /** A cursor of a list in the URGENCY order (the customer and portal lists). */
  public static TicketCursor parse(String cursor) {
    return parse(cursor, TicketSort.URGENCY);
  }

  /**
   * Null for the first page; a cursor that is not one of ours, or one of a list in another order,
   * is a 400 naming the parameter.
   */
  public static TicketCursor parse(String cursor, TicketSort order) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    TicketCursor after =
        TicketCursor.decode(cursor)
            .orElseThrow(
                () ->
                    FieldException.invalid(
                        "cursor", "Not a cursor of this list; use nextCursor of a previous page."));
    if (after.sort() != order) {
      throw FieldException.invalid(
          "cursor",
          "A cursor of the list in "
              + after.sort()
              + " order, this list is in "
              + order
              + " order; start again without a cursor.");
    }
    return after;
  }
}
