package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.NylasCallBudget;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ticket workflow's outbound mail. Each queued message is delivered on a workflow thread of its
 * own, so a reply's update returns once the message is QUEUED instead of waiting for Nylas. The
 * main loop waits for {@link #idle} before it continues-as-new or completes, so no send is cut off;
 * a new run (or one re-created from the row after a restart) resumes what is still queued and
 * queues the acknowledgement of a new ticket. Runs from before this existed skip that start step
 * (version {@value #CHANGE_ID}).
 */
final class Outbox {
  static final String CHANGE_ID = "outbound-mail";
  private static final int WITH_OUTBOX = 1;

  /**
   * An attempt has room for the client's slowest calls (Nylas answers 504 itself after 90 s, and
   * the client retries inside the attempt), so no second attempt starts beside a slow first one;
   * the activity heartbeats all through its Nylas calls, so a send lost with a crashed worker is
   * still tried again within seconds. A retried attempt uses the same Idempotency-Key unless Nylas
   * answered with an error, and then looks for the mail in the sent mail first. Between attempts
   * Temporal backs off, or waits for the Retry-After the activity reports; after the last attempt
   * the message is FAILED and the agent told.
   */
  static final ActivityOptions SEND_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(NylasCallBudget.startToClose(2))
          .setHeartbeatTimeout(NylasCallBudget.HEARTBEAT_TIMEOUT)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .setMaximumAttempts(8)
                  .build())
          .build();

  private final OutboundMailActivities store =
      Workflow.newActivityStub(OutboundMailActivities.class, TicketActivityOptions.WRITE);
  private final OutboundMailActivities sender =
      Workflow.newActivityStub(OutboundMailActivities.class, SEND_OPTIONS);
  private final Set<String> inFlight = new LinkedHashSet<>();
  private final VersionGate version = new VersionGate(CHANGE_ID, WITH_OUTBOX);

  /** Call once as a run starts: queues a due acknowledgement and resumes queued sends. */
  void resume(long ticketNumber) {
    if (!version.on()) {
      return;
    }
    List<String> queued = store.prepareOutbox(new OutboundRef(ticketNumber, null));
    queued.forEach(id -> dispatch(ticketNumber, id));
  }

  void store(OutboundMessage message) {
    store.store(message);
  }

  boolean requeue(OutboundRef message) {
    return store.requeue(message);
  }

  /** Starts delivering a queued message, unless it is on its way already. */
  void dispatch(long ticketNumber, String messageId) {
    if (inFlight.add(messageId)) {
      Async.procedure(() -> deliver(new OutboundRef(ticketNumber, messageId)));
    }
  }

  boolean idle() {
    return inFlight.isEmpty();
  }

  private void deliver(OutboundRef message) {
    try {
      sender.deliver(message);
    } catch (ActivityFailure lastAttempt) {
      store.giveUp(
          new FailedDelivery(message.ticketNumber(), message.messageId(), reason(lastAttempt)));
    } finally {
      inFlight.remove(message.messageId());
    }
  }

  private static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    return cause instanceof ApplicationFailure application
        ? application.getOriginalMessage()
        : cause.getMessage();
  }
}
