package dev.tempodesk.workflows.notification;

import io.temporal.activity.ActivityInterface;

/** Delivers the ticket workflow's notices. Implemented in the activities module. */
@ActivityInterface
public interface NotificationActivities {

  /**
   * Records one notification per recipient and channel and sends the external ones. Idempotent: a
   * retry or a second call with the same notice id records and sends nothing twice.
   */
  void deliver(TicketNotice notice);
}
