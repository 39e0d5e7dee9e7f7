package dev.tempodesk.activities.webhook;

import dev.tempodesk.db.jooq.tables.records.WebhookEventsRecord;
import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import dev.tempodesk.workflows.webhook.WebhookDeliveryWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns captured webhook events into deliveries and starts each delivery's workflow (issue 22.2).
 * Each event is dispatched in a transaction of its own, taken with {@code skip locked}: replicas
 * share the work without taking the same event, and an event that cannot be dispatched is retried
 * on the next passes, then set aside with the reason ({@code webhook_events.dispatch_error}) after
 * {@link #MAX_ATTEMPTS} — it never holds up the events behind it. Starting a workflow is keyed by
 * the delivery ({@link WebhookDeliveryWorkflow#workflowId}), so starting twice starts once.
 */
public class WebhookDispatcher {
  /** Failed dispatches of one event before it is set aside. */
  public static final int MAX_ATTEMPTS = 5;

  /** Events are kept this long after they happened (and their deliveries finished). */
  public static final Duration RETENTION = Duration.ofDays(30);

  private static final int START_BATCH = 50;
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  /** Starts the workflow of a delivery. */
  public interface Starter {
    void start(long deliveryId);

    /** Over Temporal, on the app's task queue; a delivery already started is left alone. */
    static Starter over(WorkflowClient client, String taskQueue) {
      return deliveryId -> {
        WebhookDeliveryWorkflow workflow =
            client.newWorkflowStub(
                WebhookDeliveryWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(taskQueue)
                    .setWorkflowId(WebhookDeliveryWorkflow.workflowId(deliveryId))
                    .build());
        try {
          WorkflowClient.start(workflow::deliver, deliveryId);
        } catch (WorkflowExecutionAlreadyStarted running) {
          // started by another replica, or before a crash that lost the bookkeeping
        }
      };
    }
  }

  /** What one pass did. */
  public record Pass(int eventsDispatched, int eventsFailed, int deliveriesStarted) {
    public boolean didSomething() {
      return eventsDispatched + eventsFailed + deliveriesStarted > 0;
    }
  }

  private final WebhookDispatchRepository repository;
  private final TransactionTemplate transaction;
  private final Starter starter;
  private final String publicBaseUrl;
  private final Clock clock;

  public WebhookDispatcher(
      WebhookDispatchRepository repository,
      TransactionTemplate transaction,
      Starter starter,
      String publicBaseUrl,
      Clock clock) {
    this.repository = repository;
    this.transaction = transaction;
    this.starter = starter;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
  }

  /** Dispatches every event waiting now, then starts every delivery not started yet. */
  public Pass runOnce() {
    Set<Long> failedThisPass = new HashSet<>();
    int dispatched = 0;
    while (true) {
      long[] taken = {-1};
      Optional<Long> done;
      try {
        done =
            transaction.execute(
                status -> {
                  Optional<WebhookEventsRecord> event =
                      repository.lockNextUndispatched(failedThisPass);
                  event.ifPresent(
                      row -> {
                        taken[0] = row.getId();
                        repository.dispatch(row.getId(), publicBaseUrl);
                      });
                  return event.map(WebhookEventsRecord::getId);
                });
      } catch (RuntimeException e) {
        if (taken[0] < 0) {
          log.warn("Webhook dispatch: could not read the events: {}", e.toString());
          break;
        }
        failedThisPass.add(taken[0]);
        recordFailure(taken[0], e);
        continue;
      }
      if (done == null || done.isEmpty()) {
        break;
      }
      dispatched++;
    }
    return new Pass(dispatched, failedThisPass.size(), startDeliveries());
  }

  /** Deletes events past {@link #RETENTION} whose deliveries are finished. */
  public int prune() {
    return repository.pruneBefore(clock.instant().minus(RETENTION).atOffset(ZoneOffset.UTC));
  }

  private void recordFailure(long eventId, RuntimeException e) {
    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    log.warn("Webhook dispatch: event {} failed: {}", eventId, reason);
    try {
      transaction.executeWithoutResult(
          status ->
              repository.recordFailure(
                  eventId,
                  reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                  MAX_ATTEMPTS));
    } catch (RuntimeException again) {
      log.warn("Webhook dispatch: could not record the failure of event {}", eventId, again);
    }
  }

  private record Batch(int seen, int started) {}

  private int startDeliveries() {
    int started = 0;
    while (true) {
      Batch batch;
      try {
        batch = transaction.execute(status -> startBatch());
      } catch (RuntimeException e) {
        log.warn("Webhook dispatch: could not start deliveries: {}", e.toString());
        return started;
      }
      started += batch.started();
      // A short batch was the last; a batch that started nothing would only repeat itself.
      if (batch.seen() < START_BATCH || batch.started() == 0) {
        return started;
      }
    }
  }

  private Batch startBatch() {
    List<Long> ids = repository.lockUnstarted(START_BATCH);
    int started = 0;
    for (long id : ids) {
      try {
        starter.start(id);
      } catch (RuntimeException e) {
        // Left unstarted: the next pass tries again (Temporal may be down).
        log.warn("Webhook dispatch: could not start delivery {}: {}", id, e.toString());
        continue;
      }
      repository.markStarted(id, clock.instant().atOffset(ZoneOffset.UTC));
      started++;
    }
    return new Batch(ids.size(), started);
  }
}
