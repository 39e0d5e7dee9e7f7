package dev.tempodesk.workflows.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The recalculation's paging, skipping and retrying, against recording fakes of its activities. */
class SlaRecalculationWorkflowTest {
  private static final String QUEUE = "sla-recalc-test";
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final FakeTickets tickets = new FakeTickets();

  /** Live tickets by number, the pages asked for and every signal sent, in order. */
  static class FakeTickets implements SlaRecalculationActivities {
    final TreeSet<Long> live = new TreeSet<>();
    final Set<Long> ended = new HashSet<>();
    final Map<Long, Integer> failuresLeft = new HashMap<>();
    final List<TicketPageRequest> pagesAsked = new ArrayList<>();
    final List<Long> signalled = new ArrayList<>();
    final List<Long> attempts = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();
    int pageFailuresLeft;

    @Override
    public synchronized List<Long> liveTickets(TicketPageRequest page) {
      pagesAsked.add(page);
      if (pageFailuresLeft-- > 0) {
        throw new IllegalStateException("connection refused");
      }
      return live.tailSet(page.afterNumber(), false).stream().limit(page.limit()).toList();
    }

    @Override
    public synchronized SignalOutcome signalTickets(SignalBatch batch) {
      long delivered = 0;
      List<Long> gone = new ArrayList<>();
      List<FailedSignal> failed = new ArrayList<>();
      for (long ticket : batch.tickets()) {
        attempts.add(ticket);
        if (ended.contains(ticket)) {
          gone.add(ticket);
        } else if (failuresLeft.merge(ticket, -1, Integer::sum) >= 0) {
          failed.add(new FailedSignal(ticket, "UNAVAILABLE: try again"));
        } else {
          signalled.add(ticket);
          reasons.add(batch.reason());
          delivered++;
        }
      }
      return new SignalOutcome(delivered, gone, failed);
    }

    void open(long from, long to) {
      LongStream.rangeClosed(from, to).forEach(live::add);
    }

    void failing(long ticket, int times) {
      failuresLeft.put(ticket, times);
    }

    synchronized long attemptsAt(long ticket) {
      return attempts.stream().filter(t -> t == ticket).count();
    }
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private RecalculationProgress run(RecalculationInput input) {
    return stub(start(input)).recalculate(input);
  }

  private String start(RecalculationInput input) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(SlaRecalculationWorkflowImpl.class);
    worker.registerActivitiesImplementations(tickets);
    env.start();
    return SlaRecalculationWorkflow.workflowId("policy-3-1");
  }

  private SlaRecalculationWorkflow stub(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            SlaRecalculationWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
  }

  private static RecalculationInput input(int pageSize, int parallelism, int pagesBeforeCan) {
    return RecalculationInput.of(TicketSelection.policy(3), "policy \"Gold\" changed")
        .withPaging(pageSize, parallelism, pagesBeforeCan);
  }

  @Test
  void shouldSignalEveryLiveTicketOncePageByPageInNumberOrder() {
    tickets.open(1001, 2050);
    tickets.pageFailuresLeft = 2;

    RecalculationProgress result = run(input(100, 3, 50));

    assertThat(result.finished()).isTrue();
    assertThat(result.signalled()).isEqualTo(1050);
    assertThat(result.skipped()).isZero();
    assertThat(result.failed()).isZero();
    assertThat(tickets.signalled).hasSize(1050).doesNotHaveDuplicates();
    assertThat(tickets.reasons).containsOnly("policy \"Gold\" changed");
    assertThat(tickets.pagesAsked.stream().map(TicketPageRequest::afterNumber).distinct())
        .as("keyset: each page starts after the last number of the one before")
        .containsExactly(0L, 1100L, 1200L, 1300L, 1400L, 1500L, 1600L, 1700L, 1800L, 1900L, 2000L);
    assertThat(tickets.pagesAsked).allMatch(p -> p.selection().equals(TicketSelection.policy(3)));
  }

  @Test
  void shouldSkipAndCountTicketsWhoseWorkflowHasEnded() {
    tickets.open(1, 30);
    tickets.ended.addAll(List.of(4L, 17L, 30L));

    RecalculationProgress result = run(input(10, 2, 50));

    assertThat(result.signalled()).isEqualTo(27);
    assertThat(result.skipped()).isEqualTo(3);
    assertThat(result.failed()).isZero();
    assertThat(tickets.attemptsAt(17)).as("an ended workflow is not retried").isEqualTo(1);
  }

  @Test
  void shouldRetryAFailingTicketThenReportItWhileTheOthersAreSignalled() {
    tickets.open(1, 40);
    tickets.failing(12, Integer.MAX_VALUE);
    tickets.failing(25, 1);

    RecalculationProgress result = run(input(10, 4, 50));

    assertThat(tickets.attemptsAt(12)).isEqualTo(SlaRecalculationWorkflowImpl.SIGNAL_ATTEMPTS);
    assertThat(tickets.attemptsAt(25)).as("signalled on its second attempt").isEqualTo(2);
    assertThat(result.signalled()).isEqualTo(39);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.failures()).containsExactly(new FailedSignal(12, "UNAVAILABLE: try again"));
    assertThat(tickets.signalled)
        .as("the pages after the failing ticket's go on")
        .contains(13L, 25L, 31L, 40L)
        .doesNotContain(12L);
    assertThat(result.finished()).isTrue();
  }

  @Test
  void shouldContinueAsNewAfterSoManyPagesCarryingTheCounts() {
    tickets.open(1, 55);
    tickets.ended.add(50L);
    tickets.failing(7, Integer.MAX_VALUE);
    RecalculationInput input = input(10, 2, 2);
    String id = start(input);

    var first = WorkflowClient.start(stub(id)::recalculate, input);
    RecalculationProgress result =
        env.getWorkflowClient().newUntypedWorkflowStub(id).getResult(RecalculationProgress.class);

    List<HistoryEvent> firstRun =
        env.getWorkflowClient().fetchHistory(id, first.getRunId()).getEvents();
    assertThat(firstRun.getLast().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(result.signalled()).isEqualTo(53);
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.failures()).extracting(FailedSignal::ticket).containsExactly(7L);
    assertThat(tickets.signalled).hasSize(53).doesNotHaveDuplicates();
  }

  /**
   * Records the first run of the continue-as-new scenario (pages, an ended workflow, a ticket
   * retried and given up, a page activity retried) for {@link SlaRecalculationWorkflowReplayTest}.
   */
  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void recordFirstRunUpToContinueAsNew() throws Exception {
    tickets.open(1, 55);
    tickets.ended.add(3L);
    tickets.failing(7, Integer.MAX_VALUE);
    tickets.pageFailuresLeft = 1;
    RecalculationInput input = input(10, 2, 3);
    String id = start(input);
    var first = WorkflowClient.start(stub(id)::recalculate, input);
    env.getWorkflowClient().newUntypedWorkflowStub(id).getResult(RecalculationProgress.class);
    Files.writeString(
        Path.of("src/test/resources/histories/sla-recalculation-v1.json"),
        env.getWorkflowClient().fetchHistory(id, first.getRunId()).toJson(true));
  }

  @Test
  void shouldFinishAtOnceWhenNoTicketIsGoverned() {
    RecalculationProgress result = run(input(10, 2, 50));

    assertThat(result.finished()).isTrue();
    assertThat(result.signalled() + result.skipped() + result.failed()).isZero();
    assertThat(tickets.attempts).isEmpty();
  }
}
