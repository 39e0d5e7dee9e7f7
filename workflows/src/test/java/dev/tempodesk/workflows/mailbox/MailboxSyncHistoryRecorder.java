package dev.tempodesk.workflows.mailbox;

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
 * Records a mailbox sync's first run for {@link MailboxSyncWorkflowReplayTest}: a pass that fails
 * once and is retried, a pass on the poll timer, a poke, continue-as-new after 3 passes. Runs only
 * with {@code -Dtempodesk.recordHistories=true} (see histories/README.md).
 */
class MailboxSyncHistoryRecorder {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final String QUEUE = "mailbox-history";

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void recordFirstRunUpToContinueAsNew() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      MailboxSyncWorkflowTest.ScriptedMailbox mailbox =
          new MailboxSyncWorkflowTest.ScriptedMailbox();
      mailbox.failuresLeft.set(1);
      Worker worker = env.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(MailboxSyncWorkflowImpl.class);
      worker.registerActivitiesImplementations(mailbox);
      env.start();
      String workflowId = MailboxSyncWorkflow.workflowId("grant-history");
      MailboxSyncWorkflow sync =
          env.getWorkflowClient()
              .newWorkflowStub(
                  MailboxSyncWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(QUEUE)
                      .setWorkflowId(workflowId)
                      .build());
      WorkflowClient.start(
          sync::run,
          new MailboxSyncInput(
              7, "grant-history", null, Duration.ofSeconds(15), Duration.ofMinutes(2), 3, null));
      String firstRunId = WorkflowStub.fromTyped(sync).getExecution().getRunId();
      awaitPasses(env, mailbox, 2); // failed attempt + its retry
      env.sleep(Duration.ofSeconds(16));
      awaitPasses(env, mailbox, 3); // on the poll timer
      sync.pollNow();
      awaitPasses(env, mailbox, 5); // the poke's pass, continue-as-new, pass 1 of run 2
      String currentRunId =
          env.getWorkflowClient()
              .newUntypedWorkflowStub(workflowId)
              .describe()
              .getExecution()
              .getRunId();
      assertThat(currentRunId).as("continued as new").isNotEqualTo(firstRunId);
      Files.createDirectories(HISTORIES);
      Files.writeString(
          HISTORIES.resolve("mailbox-sync-v1.json"),
          env.getWorkflowClient().fetchHistory(workflowId, firstRunId).toJson(true));
    }
  }

  private static void awaitPasses(
      TestWorkflowEnvironment env, MailboxSyncWorkflowTest.ScriptedMailbox mailbox, int count) {
    long giveUp = System.currentTimeMillis() + 20_000;
    while (mailbox.cursors().size() < count && System.currentTimeMillis() < giveUp) {
      env.sleep(Duration.ofMillis(100));
    }
    assertThat(mailbox.cursors()).hasSizeGreaterThanOrEqualTo(count);
  }
}
