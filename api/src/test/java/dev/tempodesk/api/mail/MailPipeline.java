package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.activities.ActivityLiveness;
import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.attachment.AttachmentFetchActivitiesImpl;
import dev.tempodesk.activities.attachment.AttachmentFetches;
import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.activities.attachment.InboundAttachments;
import dev.tempodesk.activities.attachment.PostgresAttachmentStore;
import dev.tempodesk.activities.mail.InboundMailStore;
import dev.tempodesk.activities.mail.MailQuarantine;
import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.mail.MailboxSyncActivitiesImpl;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.activities.ticket.AssigneeNames;
import dev.tempodesk.activities.ticket.ReporterEmails;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.workflows.attachment.AttachmentFetchWorkflowImpl;
import dev.tempodesk.workflows.mailbox.MailboxSyncInput;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflowImpl;
import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.OutboundMailActivities;
import dev.tempodesk.workflows.ticket.ReplyRequest;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import dev.tempodesk.workflows.ticket.TicketWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole email path without Spring: fake Nylas over HTTP → OkHttp client → sync workflow and
 * activities → Postgres → ticket workflows, on a real-time in-memory Temporal server. The worker
 * can be killed and replaced mid-run, as a crashed and restarted app would.
 */
final class MailPipeline implements AutoCloseable {
  static final String TASK_QUEUE = "mail-pipeline";
  static final String GRANT = "grant-pipeline";
  static final String ADDRESS = "support@pipeline.example";

  final FakeNylasServer nylas;

  /**
   * Small pages mean more requests, so the injected faults hit more often. But every sync pass
   * lists its whole overlap window (2 minutes) again, and the no-loss run's mail arrives within
   * about a minute: at 10,000 mails, pages of 10 made each pass re-list 1,000 pages (mostly
   * sleeping through injected 429s and slow answers) and the run missed its deadline with half the
   * mail stored. So the page grows with the run: 10 at the CI size, 50 at 10,000.
   */
  private static final int PAGE_SIZE =
      Math.max(10, Integer.getInteger("tempodesk.noLoss.messages", 2000) / 200);

  final TestJooq jooq;
  final MailboxRepository mailboxes;
  final MailThreadRepository threads;
  final QuarantineRepository quarantine;
  final MessageRepository messages;
  final TicketRepository tickets;
  final OutboundMessageRepository outbound;
  final TestWorkflowEnvironment temporal;
  final MailboxesRecord mailbox;
  private final AttachmentPolicy attachmentPolicy = AttachmentPolicy.defaults();
  private final NylasClient client;
  private final boolean mailAcknowledgements;
  private final WorkerFactoryOptions workerOptions;
  private WorkerFactory workers;
  private TicketWorkflowGateway gateway;
  private Duration syncPollInterval;

  MailPipeline(FakeNylasServer nylas, int clientAttempts) {
    this(nylas, clientAttempts, true);
  }

  /**
   * @param mailAcknowledgements false to leave new tickets unacknowledged (their sends and the
   *     copies the sync lists again are extra load on an ingest measurement)
   */
  MailPipeline(FakeNylasServer nylas, int clientAttempts, boolean mailAcknowledgements) {
    this(
        nylas,
        clientAttempts,
        mailAcknowledgements,
        TestDatabases.fresh().dataSource(),
        WorkerFactoryOptions.getDefaultInstance(),
        false);
  }

  /**
   * A pipeline on a time-skipping Temporal server: time jumps ahead while a test waits on a
   * workflow's result (retry backoffs, timers), for workflows whose waits are minutes long.
   */
  static MailPipeline timeSkipping(FakeNylasServer nylas, int clientAttempts) {
    return new MailPipeline(
        nylas,
        clientAttempts,
        false,
        TestDatabases.fresh().dataSource(),
        WorkerFactoryOptions.getDefaultInstance(),
        true);
  }

  /**
   * A pipeline for fault runs: over the caller's database (e.g. one it restarts mid-run), with
   * workers that keep no workflows cached. A cached workflow gets its next task on the worker's
   * sticky queue; after a crash a real server moves such a task to the shared queue within 5
   * seconds, but the in-memory server never does, so a workflow cached on a killed worker would
   * stall for good (seen as the mailbox sync stopping mid-run). Without the cache every task goes
   * to the shared queue and is replayed from history, as after a real crash.
   *
   * @param database a migrated database of the caller's
   */
  MailPipeline(
      FakeNylasServer nylas,
      int clientAttempts,
      boolean mailAcknowledgements,
      DataSource database) {
    this(
        nylas,
        clientAttempts,
        mailAcknowledgements,
        database,
        WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build(),
        false);
  }

  private MailPipeline(
      FakeNylasServer nylas,
      int clientAttempts,
      boolean mailAcknowledgements,
      DataSource database,
      WorkerFactoryOptions workerOptions,
      boolean timeSkipping) {
    this.temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build());
    this.workerOptions = workerOptions;
    this.jooq = TestJooq.over(database);
    this.mailboxes = new MailboxRepository(jooq.dsl());
    this.threads = new MailThreadRepository(jooq.dsl());
    this.quarantine = new QuarantineRepository(jooq.dsl());
    this.messages = new MessageRepository(jooq.dsl());
    this.tickets = new TicketRepository(jooq.dsl());
    this.outbound = new OutboundMessageRepository(jooq.dsl());
    this.mailAcknowledgements = mailAcknowledgements;
    this.nylas = nylas;
    nylas.addGrant(GRANT, ADDRESS);
    NylasSettings settings =
        new NylasSettings(
            HttpUrl.get(nylas.baseUrl()),
            "pipeline-key",
            "pipeline-client",
            clientAttempts,
            Duration.ofSeconds(2));
    // As the app wires it: heartbeats all through every Nylas call.
    client =
        new NylasClient(
            settings,
            NylasClient.defaultHttpClient(settings),
            ActivityLiveness.sleeper(),
            ActivityLiveness.progress());
    mailbox = mailboxes.upsert(GRANT, ADDRESS, "google");
    TicketSearchAttributes.TYPES.forEach(temporal::registerSearchAttribute);
    temporal.start();
    startWorker();
  }

  /** Starts a fresh worker process: new activity instances, nothing cached. */
  void startWorker() {
    WorkflowClient workflowClient = temporal.getWorkflowClient();
    Clock clock = Clock.systemUTC();
    gateway =
        new TicketWorkflowGateway(
            workflowClient,
            TASK_QUEUE,
            TicketPolicy.defaults(),
            AssignerWakeUp.none(),
            ReporterEmails.none(),
            AssigneeNames.from(new AgentRepository(jooq.dsl())));
    InboundMailStore store =
        new InboundMailStore(
            jooq.transactions(),
            threads,
            messages,
            tickets,
            new ContactRepository(jooq.dsl()),
            new AgentRepository(jooq.dsl()),
            new TicketOpening(tickets, new TicketEventRepository(jooq.dsl()), messages, clock),
            new InboundAttachments(new AttachmentRepository(jooq.dsl()), attachmentPolicy),
            clock);
    workers = WorkerFactory.newInstance(workflowClient, workerOptions);
    var worker = workers.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        TicketWorkflowImpl.class, MailboxSyncWorkflowImpl.class, AttachmentFetchWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new MailboxSyncActivitiesImpl(
            client,
            mailboxes,
            threads,
            store,
            outbound,
            gateway,
            new MailQuarantine(quarantine, clock, MailQuarantine.DEFAULT_MAX_ATTEMPTS),
            MailboxOutages.over(jooq.dsl(), clock),
            AttachmentFetches.over(workflowClient, TASK_QUEUE),
            clock,
            PAGE_SIZE),
        AttachmentFetchActivitiesImpl.over(
            jooq.dsl(), client, attachmentPolicy, new PostgresAttachmentStore(jooq.dsl())),
        new TicketStoreActivitiesImpl(
            tickets,
            new TicketEventRepository(jooq.dsl()),
            jooq.transactions(),
            JsonMapper.builder().build()),
        // Mail ingest is under test here, not notifications.
        (NotificationActivities) notice -> {},
        outboundMail(clock));
    workers.start();
  }

  /** Replies and acknowledgements, sent through the same fake Nylas. */
  private OutboundMailActivities outboundMail(Clock clock) {
    OutboundMailActivitiesImpl mail =
        OutboundMailActivitiesImpl.over(jooq.dsl(), jooq.transactions(), client, clock);
    return mailAcknowledgements ? mail : new NoAcknowledgements(mail);
  }

  /** Kills the worker without letting running activities finish, as a crash would. */
  void killWorker() throws InterruptedException {
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  /**
   * Works around a defect of the in-memory Temporal server, not of Tempodesk (issue 14). A workflow
   * task that a poll takes off the shared queue just as the worker is killed is lost: it leaves the
   * queue but is never recorded as started, so the history ends in WORKFLOW_TASK_SCHEDULED without
   * WORKFLOW_TASK_STARTED, the task's 10 s start-to-close timeout (armed when a task starts) never
   * runs, no later worker is given the task, and every signal waits behind it. Seen in the no-loss
   * run as an acknowledgement left QUEUED; the history that shows it is {@code
   * no-loss/lost-workflow-task-ticket-1001.json} in the test resources (task scheduled 0.36 s
   * before the third kill, nothing after but signals, while the new worker served every other
   * ticket). A real server does not lose it: a task whose delivery fails goes back to the queue,
   * and a started one times out and is handed out again. The workaround ({@link #recreate}) does
   * what {@code TicketReconciler} does for workflows the embedded server forgot: the stuck run is
   * terminated and the ticket's workflow started again from its row, which resumes its queued mail
   * under the same keys.
   *
   * @return the tickets whose workflow waits on a task scheduled longer ago than {@code
   *     scheduledFor} and never started (a worker starts one within milliseconds)
   */
  List<Long> lostWorkflowTasks(Duration scheduledFor) {
    return jooq.dsl().select(TICKETS.NUMBER).from(TICKETS).fetch(TICKETS.NUMBER).stream()
        .filter(number -> lostWorkflowTask(TicketWorkflow.workflowId(number), scheduledFor))
        .toList();
  }

  /** Whether the workflow is running and waits on a task lost by the server (see above). */
  boolean lostWorkflowTask(String workflowId, Duration scheduledFor) {
    WorkflowClient client = temporal.getWorkflowClient();
    if (client.newUntypedWorkflowStub(workflowId).describe().getStatus()
        != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return false;
    }
    HistoryEvent lastTask = null;
    for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
      if (event.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_")) {
        lastTask = event;
      }
    }
    return lastTask != null
        && lastTask.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED
        && lastTask.getEventTime().getSeconds()
            < Instant.now().minus(scheduledFor).getEpochSecond();
  }

  /** Terminates the ticket's run and starts its workflow again from the row (see above). */
  void recreate(long number) {
    temporal
        .getWorkflowClient()
        .newUntypedWorkflowStub(TicketWorkflow.workflowId(number))
        .terminate("workflow task lost by the in-memory Temporal server after a worker kill");
    gateway.startFromRow(tickets.find(number).orElseThrow());
  }

  /**
   * The mailbox sync's counterpart of {@link #recreate}: terminates the run and starts the sync
   * again from the cursor in its row.
   */
  void restartSync() {
    String workflowId = MailboxSyncWorkflow.workflowId(GRANT);
    temporal
        .getWorkflowClient()
        .newUntypedWorkflowStub(workflowId)
        .terminate("workflow task lost by the in-memory Temporal server after a worker kill");
    Long cursor = jooq.dsl().fetchValue(MAILBOXES.SYNC_CURSOR, MAILBOXES.ID.eq(mailbox.getId()));
    startSync(syncPollInterval, cursor);
  }

  MailboxSyncWorkflow startSync(Duration pollInterval) {
    return startSync(pollInterval, null);
  }

  private MailboxSyncWorkflow startSync(Duration pollInterval, Long cursor) {
    syncPollInterval = pollInterval;
    MailboxSyncWorkflow sync =
        temporal
            .getWorkflowClient()
            .newWorkflowStub(
                MailboxSyncWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TASK_QUEUE)
                    .setWorkflowId(MailboxSyncWorkflow.workflowId(GRANT))
                    .build());
    WorkflowClient.start(
        sync::run,
        new MailboxSyncInput(
            mailbox.getId(), GRANT, cursor, pollInterval, Duration.ofMinutes(2), 50, null));
    return sync;
  }

  /** Sends an agent's reply on the ticket through its workflow; the outbound message's id. */
  UUID reply(long ticket, AgentsRecord agent, String body) {
    String id =
        new TicketWorkflowGateway(temporal.getWorkflowClient(), TASK_QUEUE, TicketPolicy.defaults())
            .existing(ticket)
            .reply(
                new ReplyRequest(
                    Actor.agent(agent.getId(), agent.getDisplayName()),
                    body,
                    false,
                    List.of(),
                    null))
            .messageId();
    return UUID.fromString(id);
  }

  /** The value once the probe finds it, within 30 seconds. */
  static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** The row of a received message once the sync stored it. */
  static MessagesRecord stored(MailPipeline pipeline, FakeMessage message)
      throws InterruptedException {
    return await(
        "message " + message.id() + " to be stored",
        () -> pipeline.threads.findMessage(pipeline.mailbox.getId(), message.id()));
  }

  /** The outbound row once it is no longer QUEUED. */
  static MessagesRecord delivered(MailPipeline pipeline, long ticket, UUID id)
      throws InterruptedException {
    return await(
        "outbound " + id + " to leave QUEUED",
        () ->
            pipeline
                .jooq
                .dsl()
                .selectFrom(MESSAGES)
                .where(MESSAGES.TICKET_NUMBER.eq(ticket), MESSAGES.ID.eq(id))
                .and(MESSAGES.DELIVERY_STATUS.ne("QUEUED"))
                .fetchOptional());
  }

  @Override
  public void close() throws InterruptedException {
    killWorker();
    temporal.close();
    nylas.close();
  }
}
