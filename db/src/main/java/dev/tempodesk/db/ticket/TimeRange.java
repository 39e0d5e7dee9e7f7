package dev.tempodesk.db.ticket;

import java.time.Instant;

/**
 * A span of time a ticket's creation or last change must fall in: {@code from} inclusive, {@code
 * until} exclusive; a null end is open.
 */
public record TimeRange(Instant from, Instant until) {
  public static final TimeRange ANY = new TimeRange(null, null);

  public TimeRange {
    if (from != null && until != null && from.isAfter(until)) {
      throw new IllegalArgumentException("the range ends before it starts");
    }
  }

  public boolean bounded() {
    return from != null || until != null;
  }
}
