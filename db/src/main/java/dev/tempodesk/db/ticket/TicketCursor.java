package dev.tempodesk.db.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Position in the ticket list for keyset pagination: the (sla_sort_key, number) of the last row
 * seen. Opaque to clients.
 */
public record TicketCursor(long slaSortKey, long number) {

  public String encode() {
    String plain = slaSortKey + ":" + number;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Empty for anything that is not a cursor this class made. */
  public static Optional<TicketCursor> decode(String encoded) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      String[] parts = plain.split(":");
      if (parts.length != 2) {
        return Optional.empty();
      }
      return Optional.of(new TicketCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
