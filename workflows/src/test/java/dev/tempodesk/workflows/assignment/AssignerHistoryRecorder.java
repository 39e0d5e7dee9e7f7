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
      passes.results.add(new AssignmentPassResult(0, 0, 1, 2));
      passes.results.add(new AssignmentPassResult(1, 0, 0, 1));
      passes.results.add(new AssignmentPassResult(0, 1, 0, 1));
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
}
