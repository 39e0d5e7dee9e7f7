package dev.tempodesk.activities.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.InboundMessage;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import dev.tempodesk.workflows.ticket.TicketWorkflowImpl;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ops see of a ticket in the Temporal UI: started through the gateway, as the app starts it,
 * the workflow carries the reporter's email as {@code CustomerEmail} next to the attributes the
 * workflow keeps current itself — on either kind of start, and still after continue-as-new.
 */
class TicketVisibilityIntegrationTest {
  private static final String TASK_QUEUE = "tickets-visibility-test";

  /** Continue as new after a few dozen events, so a test reaches a second run quickly. */
  private static final TicketPolicy SHORT_RUNS =
      new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 30);

  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final TicketRepository tickets = new TicketRepository(dsl);
  private final ContactRepository contacts = new ContactRepository(dsl);

  private TestWorkflowEnvironment env;
  private TicketWorkflowGateway gateway;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    TicketSearchAttributes.TYPES.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new TicketStoreActivitiesImpl(
            tickets,
            new TicketEventRepository(dsl),
            jooq.transactions(),
            JsonMapper.builder().build()),
        new IgnoredNotifications(),
        OutboundMailActivitiesImpl.over(
            dsl, jooq.transactions(), unusedNylas(), Clock.systemUTC()));
    env.start();
    gateway =
        new TicketWorkflowGateway(
            env.getWorkflowClient(),
            TASK_QUEUE,
            SHORT_RUNS,
            AssignerWakeUp.none(),
            ReporterEmails.from(contacts),
            AssigneeNames.none());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void shouldShowTheReportersEmailBesideStatusAndPriorityWhenStartedFromTheRow() {
    ContactsRecord carla = contacts.findOrCreate("carla@acme.example", "Carla Customer", null);
    TicketsRecord row = newTicketRow(carla, Priority.HIGH);

    assertThat(gateway.startFromRow(row)).isTrue();
    gateway.existing(row.getNumber()).current(); // answered once the first workflow task ran

    Map<String, String> shown = searchAttributes(row.getNumber());
    assertThat(shown)
        .containsEntry("CustomerEmail", "carla@acme.example")
        .containsEntry("TicketStatus", "NEW")
        .containsEntry("TicketPriority", "HIGH");
  }

  @Test
  void shouldShowTheReportersEmailWhenAnEmailStartsTheWorkflow() {
    ContactsRecord gina = contacts.findOrCreate("gina@globex.example", "Gina Globex", null);
    TicketsRecord row = newTicketRow(gina, Priority.NORMAL);

    gateway.signalMessage(
        row,
        new InboundMessage(
            UUID.randomUUID().toString(),
            Actor.contact(gina.getId(), "Gina Globex"),
            Instant.now()));
    gateway.existing(row.getNumber()).current();

    assertThat(searchAttributes(row.getNumber()))
        .containsEntry("CustomerEmail", "gina@globex.example");
  }

  @Test
  void shouldKeepTheReportersEmailAcrossContinueAsNew() {
    ContactsRecord carla = contacts.findOrCreate("carla@acme.example", "Carla Customer", null);
    TicketsRecord row = newTicketRow(carla, Priority.NORMAL);
    gateway.startFromRow(row);
    TicketWorkflow ticket = gateway.existing(row.getNumber());
    String firstRun = currentRun(row.getNumber()).getRunId();

    for (int i = 0; i < 40 && currentRun(row.getNumber()).getRunId().equals(firstRun); i++) {
      ticket.update(comment("Still looking into it, round " + i));
    }
    ticket.update(
        TicketUpdateRequest.by(Actor.SYSTEM, "Urgent now").priority(Priority.URGENT).build());

    assertThat(currentRun(row.getNumber()).getRunId())
        .as("the workflow continued as new")
        .isNotEqualTo(firstRun);
    assertThat(searchAttributes(row.getNumber()))
        .containsEntry("CustomerEmail", "carla@acme.example")
        .containsEntry("TicketPriority", "URGENT");
  }

  private TicketsRecord newTicketRow(ContactsRecord reporter, Priority priority) {
    TicketState ticket = new TicketState();
    ticket.number = tickets.nextNumber();
    ticket.subject = "Printer on fire";
    ticket.status = TicketStatus.NEW;
    ticket.priority = priority;
    ticket.reporterId = reporter.getId();
    ticket.channel = Channel.EMAIL;
    ticket.createdAt = Instant.ofEpochMilli(env.currentTimeMillis());
    ticket.version = 1;
    tickets.insert(TicketRows.toRow(ticket, ticket.createdAt));
    return tickets.find(ticket.number).orElseThrow();
  }

  private static TicketUpdateRequest comment(String text) {
    return TicketUpdateRequest.by(Actor.SYSTEM, text).build();
  }

  private WorkflowExecution currentRun(long number) {
    return env.getWorkflowClient()
        .newUntypedWorkflowStub(TicketWorkflow.workflowId(number))
        .describe()
        .getExecution();
  }

  /** The keyword search attributes of the current run that have a value, decoded. */
  private Map<String, String> searchAttributes(long number) {
    Map<String, Payload> fields =
        env.getWorkflowClient()
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(env.getNamespace())
                    .setExecution(
                        WorkflowExecution.newBuilder()
                            .setWorkflowId(TicketWorkflow.workflowId(number)))
                    .build())
            .getWorkflowExecutionInfo()
            .getSearchAttributes()
            .getIndexedFieldsMap();
    var converter = DefaultDataConverter.STANDARD_INSTANCE;
    Map<String, String> shown = new HashMap<>();
    fields.forEach(
        (name, value) -> {
          if (!name.equals("SlaBreached")) {
            String text = converter.fromPayload(value, String.class, String.class);
            if (text != null) {
              shown.put(name, text);
            }
          }
        });
    return shown;
  }

  private static NylasClient unusedNylas() {
    NylasSettings settings = NylasSettings.of(HttpUrl.get("http://127.0.0.1:9/"), "unused", null);
    return new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
  }
}
