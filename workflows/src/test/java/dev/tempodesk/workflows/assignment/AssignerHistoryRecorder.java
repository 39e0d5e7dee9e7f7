package dev.tempodesk.workflows.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the assigner's first run for {@link AssignerWorkflowReplayTest}: a pass left an
 * assignment unsettled (retry timer), wake-ups, the safety net, continue-as-new after 4 passes.
 * Runs only with {@code -Dtempodesk.recordHistories=true} (see histories/README.md).
 */
class AssignerHistoryRecorder {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  private static void awaitPasses(
      TestWorkflowEnvironment env, AssignerWorkflowTest.ScriptedPasses passes, int count) {
    long giveUp = System.currentTimeMillis() + 20_000;
    while (passes.count.get() < count && System.currentTimeMillis() < giveUp) {
      env.sleep(Duration.ofMillis(100));
    }
    assertThat(passes.count.get()).isGreaterThanOrEqualTo(count);
  }

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void recordFirstRunUpToContinueAsNew() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      AssignerWorkflowTest.ScriptedPasses passes = new AssignerWorkflowTest.ScriptedPasses();
      passes.results.add(new AssignmentPassResult(0, 0, 1, 2, null));
      passes.results.add(new AssignmentPassResult(1, 0, 0, 1, null));
      passes.results.add(new AssignmentPassResult(0, 1, 0, 1, null));
      Worker worker = env.newWorker("assigner-history");
      worker.registerWorkflowImplementationTypes(AssignerWorkflowImpl.class);
      worker.registerActivitiesImplementations(passes);
      env.start();
      AssignerWorkflow assigner =
          env.getWorkflowClient()
              .newWorkflowStub(
                  AssignerWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue("assigner-history")
                      .setWorkflowId(AssignerWorkflow.WORKFLOW_ID)
                      .build());
      WorkflowClient.start(
          assigner::run, new AssignerInput(Duration.ofSeconds(30), Duration.ofSeconds(1), 4, null));
      String firstRunId = WorkflowStub.fromTyped(assigner).getExecution().getRunId();
      awaitPasses(env, passes, 2); // pass 1 unsettled, pass 2 after the 1-second retry timer
      assigner.wake();
      awaitPasses(env, passes, 3);
      env.sleep(Duration.ofSeconds(31));
      awaitPasses(env, passes, 5); // pass 4 on the safety net, continue-as-new, pass 1 of run 2
      String currentRunId =
          env.getWorkflowClient()
              .newUntypedWorkflowStub(AssignerWorkflow.WORKFLOW_ID)
              .describe()
              .getExecution()
              .getRunId();
      assertThat(currentRunId).as("continued as new").isNotEqualTo(firstRunId);
      Files.createDirectories(HISTORIES);
      Files.writeString(
          HISTORIES.resolve("assigner-v1.json"),
          env.getWorkflowClient()
              .fetchHistory(AssignerWorkflow.WORKFLOW_ID, firstRunId)
              .toJson(true));
    }
  }

  /**
   * Records a run of the assigner with skills (issue 21) for {@link AssignerWorkflowReplayTest}: a
   * pass reports a ticket that may go to any member in 5 seconds, the fallback timer fires and runs
   * the next pass, a wake-up, continue-as-new after 3 passes.
   */
  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void recordSkillFallbackRun() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // The first pass reports its fallback 5 seconds after it runs (the test server's clock).
      AssignerWorkflowTest.ScriptedPasses passes =
          new AssignerWorkflowTest.ScriptedPasses() {
            @Override
            public synchronized AssignmentPassResult assignWaitingTickets() {
              if (count.get() == 0) {
                count.incrementAndGet();
                return new AssignmentPassResult(
                    0, 0, 0, 1, Instant.ofEpochMilli(env.currentTimeMillis()).plusSeconds(5));
              }
              return super.assignWaitingTickets();
            }
          };
      passes.results.add(new AssignmentPassResult(1, 0, 0, 0, null));
      Worker worker = env.newWorker("assigner-history");
      worker.registerWorkflowImplementationTypes(AssignerWorkflowImpl.class);
      worker.registerActivitiesImplementations(passes);
      env.start();
      AssignerWorkflow assigner =
          env.getWorkflowClient()
              .newWorkflowStub(
                  AssignerWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue("assigner-history")
                      .setWorkflowId(AssignerWorkflow.WORKFLOW_ID)
                      .build());
      WorkflowClient.start(
          assigner::run, new AssignerInput(Duration.ofSeconds(30), Duration.ofSeconds(1), 3, null));
      String firstRunId = WorkflowStub.fromTyped(assigner).getExecution().getRunId();
      awaitPasses(env, passes, 1);
      env.sleep(Duration.ofSeconds(6));
      awaitPasses(env, passes, 2); // pass 2 on the fallback timer
      assigner.wake();
      awaitPasses(env, passes, 4); // pass 3 on the wake-up, continue-as-new, pass 1 of run 2
      Files.createDirectories(HISTORIES);
      Files.writeString(
          HISTORIES.resolve("assigner-v2-skill-fallback.json"),
          env.getWorkflowClient()
              .fetchHistory(AssignerWorkflow.WORKFLOW_ID, firstRunId)
              .toJson(true));
    }
  }
}
