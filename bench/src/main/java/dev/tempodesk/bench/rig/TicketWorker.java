package dev.tempodesk.bench.rig;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.ticket.AssigneeNames;
import dev.tempodesk.activities.ticket.ReporterEmails;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.NoMailbox;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's ticket worker: the ticket workflow with the activities it calls (projection and audit
 * trail, in-app notifications, the outbox) over Postgres, on one task queue. No mailbox is
 * connected, so nothing is mailed.
 */
public final class TicketWorker implements AutoCloseable {
  /** The app's worker options: the SDK's defaults (application.yaml sets none). */
  public static final WorkerOptions APP_OPTIONS = WorkerOptions.getDefaultInstance();

  /**
   * More pollers than the SDK's 5 per task type, tried for bursts of due timers (B3); measured no
   * better, so the app keeps the defaults.
   */
  public static final WorkerOptions BURST_POLLERS =
      WorkerOptions.newBuilder()
          .setMaxConcurrentWorkflowTaskPollers(16)
          .setMaxConcurrentActivityTaskPollers(16)
          .build();

  private final WorkerFactory factory;
  private final TicketWorkflowGateway gateway;

  /**
   * @param notifications the notification activity (normally {@link NoMailbox#inAppNotifications}),
   *     passed in so a benchmark can count its calls
   */
  public TicketWorker(
      TemporalConnection temporal,
      String taskQueue,
      TestJooq jooq,
      TicketPolicy policy,
      NotificationActivities notifications) {
    this(temporal, taskQueue, jooq, policy, notifications, APP_OPTIONS);
  }

  /** As above, with other worker options than the app's (e.g. the SDK's defaults). */
  public TicketWorker(
      TemporalConnection temporal,
      String taskQueue,
      TestJooq jooq,
      TicketPolicy policy,
      NotificationActivities notifications,
      WorkerOptions options) {
    factory = temporal.newWorkerFactory();
    Worker worker = factory.newWorker(taskQueue, options);
    worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new TicketStoreActivitiesImpl(
            new TicketRepository(jooq.dsl()),
            new TicketEventRepository(jooq.dsl()),
            jooq.transactions(),
            JsonMapper.builder().build()),
        notifications,
        NoMailbox.outboundMail(jooq));
    gateway =
        new TicketWorkflowGateway(
            temporal.client(),
            taskQueue,
            policy,
            AssignerWakeUp.none(),
            ReporterEmails.none(),
            AssigneeNames.from(new AgentRepository(jooq.dsl())));
  }

  public void start() {
    factory.start();
  }

  /** Starts and signals ticket workflows as the API does. */
  public TicketWorkflowGateway gateway() {
    return gateway;
  }

  @Override
  public void close() {
    factory.shutdownNow();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
