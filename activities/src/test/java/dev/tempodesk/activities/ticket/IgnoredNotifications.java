package dev.tempodesk.activities.ticket;

import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.notification.TicketNotice;

/** Accepts the ticket workflow's notices and does nothing: the projection is under test. */
class IgnoredNotifications implements NotificationActivities {
  @Override
  public void deliver(TicketNotice notice) {}
}
