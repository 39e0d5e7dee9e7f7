package dev.tempodesk.activities.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.sla.GovernedTicketRepository;
import dev.tempodesk.db.testing.GovernedTickets;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.sla.RecalculationInput;
import dev.tempodesk.workflows.sla.RecalculationProgress;
import dev.tempodesk.workflows.sla.SignalBatch;
import dev.tempodesk.workflows.sla.SignalOutcome;
import dev.tempodesk.workflows.sla.SlaRecalculationActivities;
import dev.tempodesk.workflows.sla.SlaRecalculationWorkflow;
import dev.tempodesk.workflows.sla.SlaRecalculationWorkflowImpl;
import dev.tempodesk.workflows.sla.TicketSelection;
import dev.tempodesk.workflows.ticket.SlaRecalculation;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recalculation's activities over real Postgres and the in-memory Temporal server: the pages
 * come from the ticket rows (policy, calendar, CLOSED left out), the signals reach workflows
 * listening on {@code ticket-<number>} under the ticket workflow's signal name.
 */
class SlaRecalculationActivitiesIntegrationTest {
  private static final String QUEUE = "sla-recalc-activities";
  private static final long GOLD = 7;
  private static final long SILVER = 8;
  private static final long BERLIN = 2;

  /** Stands in for a ticket workflow: takes {@code recalculateSla} and keeps the reasons. */
  @WorkflowInterface
  public interface ListeningTicket {
    @WorkflowMethod
    void run();

    @SignalMethod(name = "recalculateSla")
    void recalculateSla(SlaRecalculation request);

    @QueryMethod
    List<String> reasons();
  }

  public static class ListeningTicketImpl implements ListeningTicket {
    private final List<String> reasons = new ArrayList<>();

    @Override
    public void run() {
      Workflow.await(() -> false);
    }

    @Override
    public void recalculateSla(SlaRecalculation request) {
      reasons.add(request.reason());
    }

    @Override
    public List<String> reasons() {
      return reasons;
    }
  }

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private TestJooq jooq;
  private SlaRecalculationActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    jooq = TestJooq.over(TestDatabases.fresh().dataSource());
    GovernedTickets.insert(jooq.dsl(), 1, 25, false, GOLD, BERLIN);
    GovernedTickets.insert(jooq.dsl(), 26, 30, true, GOLD, BERLIN);
    GovernedTickets.insert(jooq.dsl(), 31, 40, false, SILVER, BERLIN);
    GovernedTickets.insert(jooq.dsl(), 41, 45, false, null, null);
    activities =
        new SlaRecalculationActivitiesImpl(
            new GovernedTicketRepository(jooq.dsl()), env.getWorkflowClient());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(
        SlaRecalculationWorkflowImpl.class, ListeningTicketImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    // Every live ticket listens, except #6 (no workflow) and #5 (ended).
    LongStream.rangeClosed(1, 45).filter(n -> n != 6 && (n <= 25 || n > 30)).forEach(this::listen);
    env.getWorkflowClient().newUntypedWorkflowStub(TicketWorkflow.workflowId(5)).terminate("gone");
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private void listen(long number) {
    WorkflowClient.start(
        env.getWorkflowClient()
                .newWorkflowStub(
                    ListeningTicket.class,
                    WorkflowOptions.newBuilder()
                        .setTaskQueue(QUEUE)
                        .setWorkflowId(TicketWorkflow.workflowId(number))
                        .build())
            ::run);
  }

  private List<String> reasonsAt(long number) {
    return env.getWorkflowClient()
        .newWorkflowStub(ListeningTicket.class, TicketWorkflow.workflowId(number))
        .reasons();
  }

  private RecalculationProgress recalculate(TicketSelection selection, String reason) {
    RecalculationInput input = RecalculationInput.of(selection, reason).withPaging(10, 2, 50);
    return env.getWorkflowClient()
        .newWorkflowStub(
            SlaRecalculationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(SlaRecalculationWorkflow.workflowId(reason))
                .build())
        .recalculate(input);
  }

  @Test
  void shouldSignalTheLiveTicketsOfThePolicyAndSkipThoseWhoseWorkflowEnded() {
    RecalculationProgress result = recalculate(TicketSelection.policy(GOLD), "policy Gold");

    assertThat(result.signalled()).isEqualTo(23);
    assertThat(result.skipped()).as("#5 ended, #6 never started").isEqualTo(2);
    assertThat(result.failed()).isZero();
    assertThat(reasonsAt(1)).containsExactly("policy Gold");
    assertThat(reasonsAt(25)).containsExactly("policy Gold");
    assertThat(reasonsAt(31)).as("another policy's ticket").isEmpty();
    assertThat(reasonsAt(41)).as("a ticket without a policy").isEmpty();
  }

  @Test
  void shouldSignalEveryLiveTicketOfTheCalendarOrOfAll() {
    RecalculationProgress calendar =
        recalculate(TicketSelection.calendar(BERLIN), "calendar Berlin");
    RecalculationProgress all = recalculate(TicketSelection.all(), "policies reordered");

    assertThat(calendar.signalled()).isEqualTo(23 + 10);
    assertThat(calendar.skipped()).isEqualTo(2);
    assertThat(all.signalled()).isEqualTo(23 + 10 + 5);
    assertThat(all.skipped()).as("CLOSED #26..30 are not asked").isEqualTo(2);
    assertThat(reasonsAt(31)).containsExactly("calendar Berlin", "policies reordered");
    assertThat(reasonsAt(45)).containsExactly("policies reordered");
  }

  @Test
  void shouldResumeARetriedBatchAfterTheLastTicketItsPredecessorReported() {
    TestActivityEnvironment retry = TestActivityEnvironment.newInstance();
    retry.registerActivitiesImplementations(activities);
    retry.setHeartbeatDetails(
        new SlaRecalculationActivitiesImpl.Partial(2, 1, List.of(6L), List.of()));
    SlaRecalculationActivities stub = retry.newActivityStub(SlaRecalculationActivities.class);

    SignalOutcome outcome = stub.signalTickets(new SignalBatch("retried", List.of(1L, 6L, 2L, 3L)));

    assertThat(outcome.signalled()).isEqualTo(3);
    assertThat(outcome.ended()).containsExactly(6L);
    assertThat(reasonsAt(1)).as("done by the first attempt").isEmpty();
    assertThat(reasonsAt(2)).containsExactly("retried");
    assertThat(reasonsAt(3)).containsExactly("retried");
    retry.close();
  }
}
