package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.notification.NoticeKind;
import dev.tempodesk.workflows.notification.TicketNotice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which notifications a change of a ticket calls for (DESIGN.md section 4, "Notifications"). Pure
 * decisions on the states before and after; who exactly receives them is the activity's business.
 */
public final class TicketNotices {

  private TicketNotices() {}

  /**
   * Notices for a workflow run starting on {@code ticket}. A new ticket created with an assignee
   * notifies that agent, and the reporter's open tickets are counted. The ids derive from the
   * ticket number, not the run, so a continue-as-new repeating them is deduplicated.
   */
  public static List<TicketNotice> onStart(TicketState ticket, Instant now) {
    List<TicketNotice> notices = new ArrayList<>(2);
    String opened = "ticket-%d-opened".formatted(ticket.number);
    if (ticket.version == 1 && ticket.assigneeId != null) {
      notices.add(notice(opened, NoticeKind.ASSIGNED, ticket, null, now));
    }
    if (ticket.status != TicketStatus.CLOSED) {
      notices.add(notice(opened, NoticeKind.CUSTOMER_LOAD_CHANGED, ticket, null, now));
    }
    return notices;
  }

  /** Notices for the change from {@code before} to {@code after} recorded as {@code event}. */
  public static List<TicketNotice> onChange(
      TicketState before, TicketState after, TicketEvent event) {
    List<TicketNotice> notices = new ArrayList<>(2);
    switch (event.kind()) {
      case SLA_WARNING -> notices.add(notice(event, NoticeKind.SLA_WARNING, after));
      case SLA_BREACHED -> notices.add(notice(event, NoticeKind.SLA_BREACHED, after));
      default -> {}
    }
    if (after.assigneeId != null && !Objects.equals(before.assigneeId, after.assigneeId)) {
      notices.add(notice(event, NoticeKind.ASSIGNED, after));
    }
    if (after.priority == Priority.URGENT && before.priority != Priority.URGENT) {
      notices.add(notice(event, NoticeKind.ESCALATED_TO_URGENT, after));
    }
    boolean wasClosed = before.status == TicketStatus.CLOSED;
    boolean isClosed = after.status == TicketStatus.CLOSED;
    if (isClosed && !wasClosed) {
      notices.add(notice(event, NoticeKind.CLOSED, after));
    }
    if (isClosed != wasClosed) {
      notices.add(notice(event, NoticeKind.CUSTOMER_LOAD_CHANGED, after));
    }
    return notices;
  }

  private static TicketNotice notice(TicketEvent event, NoticeKind kind, TicketState ticket) {
    return notice(event.id(), kind, ticket, event.comment(), event.occurredAt());
  }

  private static TicketNotice notice(
      String id, NoticeKind kind, TicketState ticket, String detail, Instant at) {
    return new TicketNotice(
        id + ":" + kind,
        kind,
        ticket.number,
        ticket.subject,
        ticket.priority,
        ticket.assigneeId,
        ticket.reporterId,
        detail,
        at);
  }
}
