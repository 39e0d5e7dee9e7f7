package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.notification.NoticeKind;
import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.notification.TicketNotice;
import java.util.ArrayList;
import java.util.List;

/** Keeps every notice the workflow asked to deliver, in order. */
class RecordingNotifications implements NotificationActivities {
  private final List<TicketNotice> notices = new ArrayList<>();

  @Override
  public synchronized void deliver(TicketNotice notice) {
    notices.add(notice);
  }

  synchronized List<TicketNotice> notices() {
    return List.copyOf(notices);
  }

  synchronized List<NoticeKind> kinds() {
    return notices.stream().map(TicketNotice::kind).toList();
  }
}
