package dev.tempodesk.db.ticket;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the ticket list shows. Empty sets mean "any". CLOSED tickets are hidden unless {@code
 * includeDone} is set or CLOSED is asked for by status.
 *
 * @param assigneeId only tickets of this agent
 * @param unassigned only tickets without an assignee (ignored when assigneeId is set)
 * @param text words (each a prefix of some word) of the subject, the message bodies, the reporter's
 *     and senders' names and addresses, the organization or the tags; or a ticket number like
 *     {@code #1042}
 * @param tags only tickets carrying all of these (normalized) tags
 * @param pendingReasons only PENDING tickets suspended for one of these reasons
 * @param idleFor only tickets not changed for at least this long
 * @param sort the order of the list; null means {@link TicketSort#URGENCY}
 * @param mailboxIds only tickets of one of these mailboxes (an unknown id matches nothing)
 * @param channels only tickets that came in through one of these channels (EMAIL, PORTAL, …)
 * @param organizationIds only tickets of one of these organizations
 * @param created only tickets created in this range
 * @param updated only tickets last changed in this range
 * @param groupIds only tickets of one of these groups (issue 21; an unknown id matches nothing)
 * @param access the tickets the asker may see at all ({@link TicketAccess}); null means every
 *     ticket. Every list, search, saved view count, bulk selection and export goes through it.
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
    TicketSort sort,
    Set<Long> mailboxIds,
    Set<String> channels,
    Set<Long> organizationIds,
    TimeRange created,
    TimeRange updated,
    Set<Long> groupIds,
    TicketAccess access) {
  private static final Pattern WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}]");

  public TicketFilter {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    pendingReasons = pendingReasons == null ? Set.of() : Set.copyOf(pendingReasons);
    sort = sort == null ? TicketSort.URGENCY : sort;
    mailboxIds = mailboxIds == null ? Set.of() : Set.copyOf(mailboxIds);
    channels = channels == null ? Set.of() : Set.copyOf(channels);
    organizationIds = organizationIds == null ? Set.of() : Set.copyOf(organizationIds);
    created = created == null ? TimeRange.ANY : created;
    updated = updated == null ? TimeRange.ANY : updated;
    groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
    access = access == null ? TicketAccess.ALL : access;
  }

  /**
   * The filter of the issue-20 list: without groups, over every ticket (no {@link TicketAccess}
   * limit).
   */
  public TicketFilter(
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
      TicketSort sort,
      Set<Long> mailboxIds,
      Set<String> channels,
      Set<Long> organizationIds,
      TimeRange created,
      TimeRange updated) {
    this(
        statuses,
        priorities,
        assigneeId,
        unassigned,
        reporterId,
        text,
        includeDone,
        tags,
        pendingReasons,
        idleFor,
        sort,
        mailboxIds,
        channels,
        organizationIds,
        created,
        updated,
        Set.of(),
        TicketAccess.ALL);
  }

  /** The filter of the issue-19 list: without mailboxes, channels, organizations and ranges. */
  public TicketFilter(
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
    this(
        statuses,
        priorities,
        assigneeId,
        unassigned,
        reporterId,
        text,
        includeDone,
        tags,
        pendingReasons,
        idleFor,
        sort,
        Set.of(),
        Set.of(),
        Set.of(),
        TimeRange.ANY,
        TimeRange.ANY);
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

  /** The same filter, limited to the tickets {@code access} sees. */
  public TicketFilter within(TicketAccess access) {
    return new TicketFilter(
        statuses,
        priorities,
        assigneeId,
        unassigned,
        reporterId,
        text,
        includeDone,
        tags,
        pendingReasons,
        idleFor,
        sort,
        mailboxIds,
        channels,
        organizationIds,
        created,
        updated,
        groupIds,
        access);
  }

  /** Whether the text holds something to search for (a letter or a digit). */
  public boolean searches() {
    return text != null && WORD_CHAR.matcher(text).find();
  }

  /** The order the list is really in: RELEVANCE without anything to search is URGENCY. */
  public TicketSort order() {
    return sort == TicketSort.RELEVANCE && !searches() ? TicketSort.URGENCY : sort;
  }

  public static TicketFilter defaults() {
    return new TicketFilter(Set.of(), Set.of(), null, false, null, null, false);
  }
}
