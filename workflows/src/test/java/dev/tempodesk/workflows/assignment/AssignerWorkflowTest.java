package dev.tempodesk.workflows.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the assigner runs its passes, on the time-skipping test server. */
class AssignerWorkflowTest {
  private static final String QUEUE = "assigner-test";
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final ScriptedPasses passes = new ScriptedPasses();

  /** Counts passes; each returns the next scripted result, or "nothing to do". */
  static class ScriptedPasses implements AssignerActivities {
    final AtomicInteger count = new AtomicInteger();
    final Queue<AssignmentPassResult> results = new ArrayDeque<>();

    @Override
    public synchronized AssignmentPassResult assignWaitingTickets() {
      count.incrementAndGet();
      AssignmentPassResult next = results.poll();
      return next == null ? new AssignmentPassResult(0, 0, 0, 0, null) : next;
    }
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private AssignerWorkflow start(int passesBeforeContinueAsNew) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AssignerWorkflowImpl.class);
    worker.registerActivitiesImplementations(passes);
    env.start();
    AssignerWorkflow assigner =
        env.getWorkflowClient()
            .newWorkflowStub(
                AssignerWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId(AssignerWorkflow.WORKFLOW_ID)
                    .build());
    WorkflowClient.start(
        assigner::run,
        new AssignerInput(
            Duration.ofSeconds(30), Duration.ofSeconds(1), passesBeforeContinueAsNew, null));
    return assigner;
  }

  /** Waits in real time for the worker (the machine may be busy), then for one more second. */
  private int passesAfterSettling(int atLeast) {
    long giveUp = System.currentTimeMillis() + 10_000;
    while (passes.count.get() < atLeast && System.currentTimeMillis() < giveUp) {
      env.sleep(Duration.ofMillis(100));
    }
    env.sleep(Duration.ofSeconds(1));
    return passes.count.get();
  }

  @Test
  void shouldPassOnStartAndOnceMorePerWakeUp() {
    AssignerWorkflow assigner = start(100);
    assertThat(passesAfterSettling(1)).isEqualTo(1);

    assigner.wake();

    assertThat(passesAfterSettling(2)).isEqualTo(2);
  }

  @Test
  void shouldPassOnTheSafetyNetTimerWithoutAnyWakeUp() {
    start(100);
    assertThat(passesAfterSettling(1)).isEqualTo(1);
    env.sleep(Duration.ofSeconds(25));
    assertThat(passes.count.get()).isEqualTo(1);

    env.sleep(Duration.ofSeconds(5));

    assertThat(passesAfterSettling(2)).isEqualTo(2);
  }

  @Test
  void shouldRetrySoonWhenAPassLeftAnAssignmentUnsettled() {
    passes.results.add(new AssignmentPassResult(0, 0, 1, 1, null));
    start(100);

    // The second pass comes from the 1-second retry timer, long before the 30-second safety net.
    assertThat(passesAfterSettling(2)).isEqualTo(2);
  }

  @Test
  void shouldPassAgainWhenATicketWaitingForASkilledMemberMayGoToAnyMember() {
    Instant fallback = Instant.ofEpochMilli(env.currentTimeMillis()).plusSeconds(10);
    passes.results.add(new AssignmentPassResult(0, 0, 0, 1, fallback));
    start(100);
    assertThat(passesAfterSettling(1)).isEqualTo(1);
    env.sleep(Duration.ofSeconds(7));
    assertThat(passes.count.get()).as("before the fallback moment").isEqualTo(1);

    env.sleep(Duration.ofSeconds(3));

    // At the fallback moment, 20 seconds before the safety net.
    assertThat(passesAfterSettling(2)).isEqualTo(2);
    assertThat(env.currentTimeMillis()).isLessThan(fallback.plusSeconds(5).toEpochMilli());
  }

  @Test
  void shouldContinueAsNewKeepingItsTotals() {
    for (int i = 0; i < 5; i++) {
      passes.results.add(new AssignmentPassResult(1, 0, 0, 0, null));
    }
    AssignerWorkflow assigner = start(2);
    for (int pass = 1; pass < 5; pass++) {
      passesAfterSettling(pass);
      assigner.wake();
    }
    passesAfterSettling(5);

    AssignerStatus status = assigner.status();
    assertThat(status.passes()).isEqualTo(passes.count.get()).isGreaterThanOrEqualTo(5);
    assertThat(status.assigned()).isEqualTo(5);
    assertThat(status.runs()).isGreaterThanOrEqualTo(3);
  }
}
