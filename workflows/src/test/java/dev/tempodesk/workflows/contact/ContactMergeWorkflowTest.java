package dev.tempodesk.workflows.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The merge's order (contact-level move first), paging, bounded retries of a ticket that failed,
 * the record of one that never moved, and a worker dying mid-page, with time skipping, against a
 * fake of its activities that keeps the merged contact's tickets as the real store does.
 */
class ContactMergeWorkflowTest {
  private static final String QUEUE = "contact-merge-test";
  private static final long MERGE = 3;
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final FakeStore store = new FakeStore();

  /** The merged contact's tickets (true: moved), failures and every step taken. */
  static class FakeStore implements ContactMergeActivities {
    final TreeMap<Long, Boolean> moved = new TreeMap<>();
    final Map<Long, Integer> failuresLeft = new HashMap<>();
    final Map<Long, String> recorded = new HashMap<>();
    final List<String> steps = new ArrayList<>();
    final List<Long> moves = new ArrayList<>();
    int crashesAfterFirstMove;
    String status;

    @Override
    public synchronized void absorb(long mergeId) {
      steps.add("absorb");
    }

    @Override
    public synchronized List<Long> ticketsLeft(long mergeId, long after, int limit) {
      steps.add("page after " + after);
      return moved.tailMap(after, false).entrySet().stream()
          .filter(e -> !e.getValue())
          .map(Map.Entry::getKey)
          .limit(limit)
          .toList();
    }

    @Override
    public synchronized List<Long> moveTickets(
        long mergeId, List<Long> tickets, boolean lastAttempt) {
      List<Long> failed = new ArrayList<>();
      for (long ticket : tickets) {
        if (moved.get(ticket)) {
          continue; // moved by an earlier attempt
        }
        if (failuresLeft.merge(ticket, -1, Integer::sum) >= 0) {
          if (lastAttempt) {
            recorded.put(ticket, "UNAVAILABLE");
          } else {
            failed.add(ticket);
          }
          continue;
        }
        moved.put(ticket, true);
        moves.add(ticket);
        if (crashesAfterFirstMove-- > 0) {
          throw new IllegalStateException("worker lost its connection");
        }
      }
      return failed;
    }

    @Override
    public synchronized void finish(long mergeId) {
      status = moved.containsValue(false) ? "INCOMPLETE" : "DONE";
      steps.add(status);
    }

    void tickets(long from, long to) {
      LongStream.rangeClosed(from, to).forEach(n -> moved.put(n, false));
    }
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private void run(ContactMergeInput input) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ContactMergeWorkflowImpl.class);
    worker.registerActivitiesImplementations(store);
    env.start();
    env.getWorkflowClient()
        .newWorkflowStub(
            ContactMergeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(ContactMergeWorkflow.workflowId(12, 40))
                .build())
        .run(input);
  }

  @Test
  void shouldMoveTheContactFirstThenEveryTicketOncePageByPage() {
    store.tickets(1001, 1120);

    run(ContactMergeInput.of(MERGE).withPageSize(50));

    assertThat(store.steps)
        .containsExactly("absorb", "page after 0", "page after 1050", "page after 1100", "DONE");
    assertThat(store.moves).hasSize(120).doesNotHaveDuplicates();
    assertThat(store.recorded).isEmpty();
  }

  @Test
  void shouldRetryATicketWhoseUpdateFailedAndRecordOneThatNeverMoves() {
    store.tickets(1, 10);
    store.failuresLeft.put(4L, 2); // moves on the third attempt
    store.failuresLeft.put(7L, 10); // never moves

    run(ContactMergeInput.of(MERGE));

    assertThat(store.moved.get(4L)).isTrue();
    assertThat(store.moved.get(7L)).isFalse();
    assertThat(store.recorded).containsOnlyKeys(7L);
    assertThat(store.moves).hasSize(9).doesNotHaveDuplicates();
    assertThat(store.status).as("a ticket left behind is visible").isEqualTo("INCOMPLETE");
  }

  @Test
  void shouldResumeAfterAWorkerDiedMidPageWithoutMovingATicketTwice() {
    store.tickets(1, 10);
    store.crashesAfterFirstMove = 1;

    run(ContactMergeInput.of(MERGE));

    assertThat(store.moved.values()).containsOnly(true);
    assertThat(store.moves).hasSize(10).doesNotHaveDuplicates();
    assertThat(store.status).isEqualTo("DONE");
  }
}
