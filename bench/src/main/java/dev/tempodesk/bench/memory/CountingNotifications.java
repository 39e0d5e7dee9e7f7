package dev.tempodesk.bench.memory;

import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.notification.TicketNotice;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notification activity, counting the deliveries it finished: each new ticket's workflow sends
 * one notice as it starts, so the count tells when every workflow has run its first steps.
 */
final class CountingNotifications implements NotificationActivities {
  private final NotificationActivities delegate;
  private final AtomicInteger delivered = new AtomicInteger();

  CountingNotifications(NotificationActivities delegate) {
    this.delegate = delegate;
  }

  @Override
  public void deliver(TicketNotice notice) {
    delegate.deliver(notice);
    delivered.incrementAndGet();
  }

  int delivered() {
    return delivered.get();
  }
}
