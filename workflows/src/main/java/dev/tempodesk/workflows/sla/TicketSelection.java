package dev.tempodesk.workflows.sla;

/**
 * The live tickets (status other than CLOSED) an SLA recalculation signals, as the ticket
 * projection last recorded them: every one, those governed by one policy, or those whose clocks
 * count in one business calendar.
 *
 * @param id the policy's or calendar's id; null for {@link Kind#ALL}
 */
public record TicketSelection(Kind kind, Long id) {
  public enum Kind {
    ALL,
    POLICY,
    CALENDAR
  }

  public static TicketSelection all() {
    return new TicketSelection(Kind.ALL, null);
  }

  public static TicketSelection policy(long id) {
    return new TicketSelection(Kind.POLICY, id);
  }

  public static TicketSelection calendar(long id) {
    return new TicketSelection(Kind.CALENDAR, id);
  }
}
