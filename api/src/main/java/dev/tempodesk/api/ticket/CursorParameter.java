package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.db.ticket.TicketCursor;

/** The {@code cursor} query parameter of every ticket list: absent, or a previous page's cursor. */
public final class CursorParameter {
  private CursorParameter() {}

  /** Null for the first page; a cursor that is not one of ours is a 400 naming the parameter. */
  public static TicketCursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    return TicketCursor.decode(cursor)
        .orElseThrow(
            () ->
                FieldException.invalid(
                    "cursor", "Not a cursor of this list; use nextCursor of a previous page."));
  }
}
