package dev.tempodesk.db.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Position in the ticket list for keyset pagination: the sort key and number of the last row seen,
 * for the order the list was in. Opaque to clients.
 *
 * <p>The key is the row's value of the order: {@code sla_sort_key} for URGENCY, epoch microseconds
 * of {@code created_at} / {@code updated_at} for CREATED / UPDATED, the bits of the float rank for
 * RELEVANCE, {@code sla_sort_key} again for PRIORITY, whose cursor also holds the row's {@code
 * tier} (its priority's place, 0 for URGENT to 3 for LOW; 0 for the other orders). URGENCY cursors
 * keep the form "key:number" that clients held before there were other orders; PRIORITY's is
 * "PRIORITY:tier:key:number", the others "ORDER:key:number".
 */
public record TicketCursor(TicketSort sort, int tier, long key, long number) {
  /** Microseconds of 0001-01-01 and of 9999-12-31T23:59:59.999999Z: the times a cursor can hold. */
  private static final long FIRST_MICROS = -62_135_596_800_000_000L;

  private static final long LAST_MICROS = 253_402_300_799_999_999L;

  public TicketCursor {
    if (sort == null) {
      throw new IllegalArgumentException("a cursor belongs to an order");
    }
    if ((sort == TicketSort.CREATED || sort == TicketSort.UPDATED)
        && (key < FIRST_MICROS || key > LAST_MICROS)) {
      throw new IllegalArgumentException("not a time of a ticket: " + key);
    }
    if (tier < 0 || tier > (sort == TicketSort.PRIORITY ? 3 : 0)) {
      throw new IllegalArgumentException("not a tier of the " + sort + " order: " + tier);
    }
  }

  /** A cursor of an order without tiers (every order but PRIORITY). */
  public TicketCursor(TicketSort sort, long key, long number) {
    this(sort, 0, key, number);
  }

  /** An URGENCY cursor (the form of every cursor before issue 19). */
  public TicketCursor(long slaSortKey, long number) {
    this(TicketSort.URGENCY, slaSortKey, number);
  }

  public String encode() {
    String plain =
        switch (sort) {
          case URGENCY -> key + ":" + number;
          case PRIORITY -> sort.name() + ":" + tier + ":" + key + ":" + number;
          default -> sort.name() + ":" + key + ":" + number;
        };
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Empty for anything that is not a cursor this class made. */
  public static Optional<TicketCursor> decode(String encoded) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length == 2) {
        return Optional.of(new TicketCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
      }
      if (parts.length == 4 && parts[0].equals(TicketSort.PRIORITY.name())) {
        return Optional.of(
            new TicketCursor(
                TicketSort.PRIORITY,
                Integer.parseInt(parts[1]),
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3])));
      }
      if (parts.length == 3
          && !parts[0].equals(TicketSort.URGENCY.name())
          && !parts[0].equals(TicketSort.PRIORITY.name())) {
        return Optional.of(
            new TicketCursor(
                TicketSort.valueOf(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
