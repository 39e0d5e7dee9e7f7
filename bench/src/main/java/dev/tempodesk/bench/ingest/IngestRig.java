package dev.tempodesk.bench.ingest;

import com.zaxxer.hikari.HikariDataSource;
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
import dev.tempodesk.api.mail.NoAcknowledgements;
import dev.tempodesk.bench.BenchDatabases;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
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
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.workflows.attachment.AttachmentFetchWorkflowImpl;
import dev.tempodesk.workflows.mailbox.MailboxSyncInput;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflowImpl;
import dev.tempodesk.workflows.notification.NotificationActivities;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import dev.tempodesk.workflows.ticket.TicketWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production email path without Spring, wired as the app wires it: fake Nylas over HTTP (no
 * faults) → OkHttp client → mailbox sync workflow and activities with the production page size →
 * Postgres → ticket workflows, on the real-time in-memory Temporal server. Unlike the api's
 * MailPipeline it keeps the app's page size, retry settings and poll interval, since here speed is
 * measured rather than fault handling.
 */
final class IngestRig implements AutoCloseable {
  static final String TASK_QUEUE = "bench-ingest";
  static final String GRANT = "grant-bench";
  static final String ADDRESS = "support@bench.example";
  private static final String API_KEY = "bench-key";

  final FakeNylasServer nylas = FakeNylasServer.start(API_KEY, "bench-client", FaultPlan.none());
  final TestDatabases.TestDatabase database = BenchDatabases.fresh();
  final HikariDataSource dataSource = BenchDatabases.pool(database);
  final TestJooq jooq = TestJooq.over(dataSource);
  final TestWorkflowEnvironment temporal =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
  final MailboxesRecord mailbox;
  private final AttachmentPolicy attachmentPolicy = AttachmentPolicy.defaults();
  private final WorkerFactory workers;

  IngestRig() {
    nylas.addGrant(GRANT, ADDRESS);
    // As MailConfig builds it: three attempts, a 60 s timeout.
    NylasSettings settings =
        new NylasSettings(
            HttpUrl.get(nylas.baseUrl()), API_KEY, "bench-client", 3, Duration.ofSeconds(60));
    NylasClient client =
        new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
    mailbox = new MailboxRepository(jooq.dsl()).upsert(GRANT, ADDRESS, "google");
    TicketSearchAttributes.TYPES.forEach(temporal::registerSearchAttribute);
    temporal.start();
    workers = WorkerFactory.newInstance(temporal.getWorkflowClient());
    register(client);
    workers.start();
  }

  private void register(NylasClient client) {
    Clock clock = Clock.systemUTC();
    var dsl = jooq.dsl();
    var tickets = new TicketRepository(dsl);
    var messages = new MessageRepository(dsl);
    var threads = new MailThreadRepository(dsl);
    var events = new TicketEventRepository(dsl);
    InboundMailStore store =
        new InboundMailStore(
            jooq.transactions(),
            threads,
            messages,
            tickets,
            new ContactRepository(dsl),
            new AgentRepository(dsl),
            new TicketOpening(tickets, events, messages, clock),
            new InboundAttachments(new AttachmentRepository(dsl), attachmentPolicy),
            clock);
    TicketWorkflowGateway gateway =
        new TicketWorkflowGateway(
            temporal.getWorkflowClient(),
            TASK_QUEUE,
            TicketPolicy.defaults(),
            AssignerWakeUp.none(),
            ReporterEmails.none(),
            AssigneeNames.from(new AgentRepository(dsl)));
    var worker = workers.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        TicketWorkflowImpl.class, MailboxSyncWorkflowImpl.class, AttachmentFetchWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new MailboxSyncActivitiesImpl(
            client,
            new MailboxRepository(dsl),
            threads,
            store,
            new OutboundMessageRepository(dsl),
            gateway,
            new MailQuarantine(
                new QuarantineRepository(dsl), clock, MailQuarantine.DEFAULT_MAX_ATTEMPTS),
            MailboxOutages.over(dsl, clock),
            AttachmentFetches.over(temporal.getWorkflowClient(), TASK_QUEUE),
            clock,
            MailboxSyncActivitiesImpl.DEFAULT_PAGE_SIZE),
        AttachmentFetchActivitiesImpl.over(
            jooq.dsl(), client, attachmentPolicy, new PostgresAttachmentStore(jooq.dsl())),
        new TicketStoreActivitiesImpl(
            tickets, events, jooq.transactions(), JsonMapper.builder().build()),
        // Notices go to agents, not into the ingest path.
        (NotificationActivities) notice -> {},
        new NoAcknowledgements(
            OutboundMailActivitiesImpl.over(dsl, jooq.transactions(), client, clock)));
  }

  WorkflowClient client() {
    return temporal.getWorkflowClient();
  }

  /** Starts the mailbox's sync as MailboxSyncs does, with the app's default poll and overlap. */
  MailboxSyncWorkflow startSync() {
    MailboxSyncWorkflow sync =
        client()
            .newWorkflowStub(
                MailboxSyncWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TASK_QUEUE)
                    .setWorkflowId(MailboxSyncWorkflow.workflowId(GRANT))
                    .build());
    WorkflowClient.start(
        sync::run,
        new MailboxSyncInput(
            mailbox.getId(),
            GRANT,
            null,
            Duration.ofSeconds(15),
            Duration.ofMinutes(2),
            500,
            null));
    return sync;
  }

  @Override
  public void close() throws InterruptedException, SQLException {
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    temporal.close();
    nylas.close();
    dataSource.close();
    BenchDatabases.drop(database);
  }
}
