package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.NylasCallBudget;
import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.notification.TicketNotice;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticket workflow's door to notifications. Deliveries run in the background, so that a slow
 * mail server or webhook never holds up a ticket update; the run waits for them before it ends or
 * continues as new. Runs that started before notifications existed replay without them.
 */
final class TicketNotifier {
  static final String CHANGE_ID = "notifications";
  private static final int WITH_NOTIFICATIONS = 1;

  // Retried with backoff for about ten minutes; a notification still undelivered then stays FAILED
  // in its row rather than holding the ticket's run open. An email goes out through Nylas, so an
  // attempt allows for a slow Nylas call and heartbeats all through it (NylasCallBudget).
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(NylasCallBudget.startToClose(1))
          .setHeartbeatTimeout(NylasCallBudget.HEARTBEAT_TIMEOUT)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(2))
                  .setMaximumAttempts(10)
                  .build())
          .build();

  private final NotificationActivities activities =
      Workflow.newActivityStub(NotificationActivities.class, OPTIONS);
  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private final VersionGate version = new VersionGate(CHANGE_ID, WITH_NOTIFICATIONS);

  void start(TicketState ticket, Instant now) {
    if (version.on()) {
      send(TicketNotices.onStart(ticket, now));
    }
  }

  void follow(TicketState before, TicketState after, TicketEvent event) {
    if (version.on()) {
      send(TicketNotices.onChange(before, after, event));
    }
  }

  /** Whether a delivery started by this run has not finished (successfully or for good). */
  boolean deliveriesPending() {
    return inFlight.stream().anyMatch(delivery -> !delivery.isCompleted());
  }

  private void send(List<TicketNotice> notices) {
    for (TicketNotice notice : notices) {
      inFlight.add(Async.procedure(activities::deliver, notice));
    }
    inFlight.removeIf(Promise::isCompleted);
  }
}
