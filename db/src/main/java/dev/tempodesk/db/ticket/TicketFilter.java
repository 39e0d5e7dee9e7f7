package dev.tempodesk.db.ticket;

import java.util.Set;

/**
 * What the ticket list shows. Empty sets mean "any". CLOSED tickets are hidden unless {@code
 * includeDone} is set or CLOSED is asked for by status.
 *
 * @param assigneeId only tickets of this agent
 * @param unassigned only tickets without an assignee (ignored when assigneeId is set)
 * @param text words of the subject (prefix match), or a ticket number like {@code #1042}
 */
public record TicketFilter(
    Set<String> statuses,
    Set<String> priorities,
    Long assigneeId,
    boolean unassigned,
    Long reporterId,
    String text,
    boolean includeDone) {

  public static TicketFilter defaults() {
    return new TicketFilter(Set.of(), Set.of(), null, false, null, null, false);
  }
}
