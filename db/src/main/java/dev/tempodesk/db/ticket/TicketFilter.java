package dev.tempodesk.db.ticket;

import java.time.Duration;
import java.util.Set;

/**
 * What the ticket list shows. Empty sets mean "any". CLOSED tickets are hidden unless {@code
 * includeDone} is set or CLOSED is asked for by status.
 *
 * @param assigneeId only tickets of this agent
 * @param unassigned only tickets without an assignee (ignored when assigneeId is set)
 * @param text words of the subject (prefix match), or a ticket number like {@code #1042}
 * @param tags only tickets carrying all of these (normalized) tags
 * @param pendingReasons only PENDING tickets suspended for one of these reasons
 * @param idleFor only tickets not changed for at least this long
 * @param sort the order of the list; null means {@link TicketSort#URGENCY}
 */
public record TicketFilter(
    Set<String> statuses,
    Set<String> priorities,
    Long assigneeId,
    boolean unassigned,
    Long reporterId,
    String text,
    boolean includeDone,
    Set<String> tags,
    Set<String> pendingReasons,
    Duration idleFor,
    TicketSort sort) {

  public TicketFilter {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    pendingReasons = pendingReasons == null ? Set.of() : Set.copyOf(pendingReasons);
    sort = sort == null ? TicketSort.URGENCY : sort;
  }

  /** The filter of the issue-18 list: statuses, priorities, assignee, reporter, text, done. */
  public TicketFilter(
      Set<String> statuses,
      Set<String> priorities,
      Long assigneeId,
      boolean unassigned,
      Long reporterId,
      String text,
      boolean includeDone) {
    this(
        statuses,
        priorities,
        assigneeId,
        unassigned,
        reporterId,
        text,
        includeDone,
        Set.of(),
        Set.of(),
        null,
        TicketSort.URGENCY);
  }

  public static TicketFilter defaults() {
    return new TicketFilter(Set.of(), Set.of(), null, false, null, null, false);
  }
}
