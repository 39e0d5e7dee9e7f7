package dev.tempodesk.workflows.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk action's paging, refusals, retries and continue-as-new, with time skipping, against a
 * fake of its activities that keeps outcomes as the real store does (one per ticket, never
 * overwritten, decided tickets skipped).
 */
class BulkActionWorkflowTest {
  private static final String QUEUE = "bulk-test";
  private static final long ACTION = 7;
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final FakeStore store = new FakeStore();

  /** The action's tickets with their outcome (null: undecided), and every change made. */
  static class FakeStore implements BulkActionActivities {
    final TreeMap<Long, String> outcomes = new TreeMap<>();
    final Map<Long, String> refusing = new HashMap<>();
    final Map<Long, Integer> failuresLeft = new HashMap<>();
    final List<Long> changed = new ArrayList<>();
    final List<Long> attempts = new ArrayList<>();
    final List<Long> pagesAfter = new ArrayList<>();
    int crashesAfterFirstChange;
    boolean finished;

    @Override
    public synchronized List<Long> undecidedTickets(long actionId, long after, int limit) {
      pagesAfter.add(after);
      return outcomes.tailMap(after, false).entrySet().stream()
          .filter(e -> e.getValue() == null)
          .map(Map.Entry::getKey)
          .limit(limit)
          .toList();
    }

    @Override
    public synchronized BulkBatchOutcome applyBatch(BulkBatch batch) {
      assertThat(batch.actionId()).isEqualTo(ACTION);
      int applied = 0;
      int refused = 0;
      List<Long> failed = new ArrayList<>();
      for (long ticket : batch.tickets()) {
        if (outcomes.get(ticket) != null) {
          continue; // decided by an earlier attempt
        }
        attempts.add(ticket);
        if (refusing.containsKey(ticket)) {
          outcomes.put(ticket, "REFUSED: " + refusing.get(ticket));
          refused++;
        } else if (failuresLeft.merge(ticket, -1, Integer::sum) >= 0) {
          if (batch.lastAttempt()) {
            outcomes.put(ticket, "REFUSED: Failed: UNAVAILABLE");
            refused++;
          } else {
            failed.add(ticket);
          }
        } else {
          changed.add(ticket);
          outcomes.put(ticket, "APPLIED");
          applied++;
          if (crashesAfterFirstChange-- > 0) {
            throw new IllegalStateException("worker lost its connection");
          }
        }
      }
      return new BulkBatchOutcome(applied, refused, failed);
    }

    @Override
    public synchronized void finish(long actionId) {
      finished = true;
    }

    void select(long from, long to) {
      LongStream.rangeClosed(from, to).forEach(n -> outcomes.put(n, null));
    }

    synchronized long attemptsAt(long ticket) {
      return attempts.stream().filter(t -> t == ticket).count();
    }
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private void run(BulkActionInput input) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(BulkActionWorkflowImpl.class);
    worker.registerActivitiesImplementations(store);
    env.start();
    env.getWorkflowClient()
        .newWorkflowStub(
            BulkActionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(BulkActionWorkflow.workflowId(ACTION))
                .build())
        .run(input);
  }

  private static BulkActionInput input(int pageSize, int parallelism, int pagesBeforeCan) {
    return BulkActionInput.of(ACTION).withPaging(pageSize, parallelism, pagesBeforeCan);
  }

  @Test
  void shouldChangeEveryTicketOnceAndReportRefusalsWithoutStoppingTheOthers() {
    store.select(1001, 1250);
    store.refusing.put(1002L, "Ticket #1002 is closed for good and can no longer change.");
    store.refusing.put(1200L, "Status PENDING needs a pending reason.");

    run(input(100, 4, 50));

    assertThat(store.finished).isTrue();
    assertThat(store.changed).hasSize(248).doesNotHaveDuplicates();
    assertThat(store.outcomes.get(1002L)).startsWith("REFUSED: Ticket #1002 is closed");
    assertThat(store.outcomes.get(1200L)).startsWith("REFUSED: Status PENDING");
    assertThat(store.outcomes.values()).doesNotContainNull();
    assertThat(store.pagesAfter).containsExactly(0L, 1100L, 1200L);
  }

  @Test
  void shouldRetryAFailingTicketAfterPausesThenRefuseItWhileTheOthersAreChanged() {
    store.select(1, 20);
    store.failuresLeft.put(5L, 1); // passes on the second attempt
    store.failuresLeft.put(9L, 10); // never passes
    long started = env.currentTimeMillis();

    run(input(50, 2, 50));

    assertThat(store.outcomes.get(5L)).isEqualTo("APPLIED");
    assertThat(store.outcomes.get(9L)).isEqualTo("REFUSED: Failed: UNAVAILABLE");
    assertThat(store.attemptsAt(5)).isEqualTo(2);
    assertThat(store.attemptsAt(9)).isEqualTo(BulkActionWorkflowImpl.ATTEMPTS);
    assertThat(store.changed).hasSize(19).doesNotHaveDuplicates();
    assertThat(env.currentTimeMillis() - started)
        .as("paused 1 s, then 2 s, between attempts (time skipped)")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3).toMillis());
  }

  @Test
  void shouldNotChangeATicketTwiceWhenAnActivityDiesAfterChangingIt() {
    store.select(1, 10);
    store.crashesAfterFirstChange = 1;

    run(input(10, 1, 50));

    assertThat(store.changed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(store.attemptsAt(1)).isEqualTo(1);
    assertThat(store.finished).isTrue();
  }

  @Test
  void shouldContinueAsNewAfterSoManyPagesAndStillDecideEveryTicket() {
    store.select(1, 95);

    run(input(10, 3, 2));

    assertThat(store.changed).hasSize(95).doesNotHaveDuplicates();
    assertThat(store.pagesAfter)
        .as("each run resumes after the last number of the one before")
        .containsExactly(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L);
    assertThat(store.finished).isTrue();
  }
}
