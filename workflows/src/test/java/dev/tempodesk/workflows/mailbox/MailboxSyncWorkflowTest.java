package dev.tempodesk.workflows.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxSyncWorkflowTest {
  private static final String QUEUE = "mailbox-test";
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final ScriptedMailbox mailbox = new ScriptedMailbox();

  /** A mailbox whose passes return the next scripted cursor, optionally failing first. */
  static class ScriptedMailbox implements MailboxSyncActivities {
    final List<Long> cursorsSeen = new ArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    long newestMail = 1000;

    @Override
    public synchronized SyncPassResult syncPass(SyncPassRequest request) {
      cursorsSeen.add(request.cursor());
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("Nylas answered 503");
      }
      return new SyncPassResult(newestMail, 1, 0);
    }

    synchronized List<Long> cursors() {
      return new ArrayList<>(cursorsSeen);
    }
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private MailboxSyncWorkflow start(int passesBeforeContinueAsNew) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(MailboxSyncWorkflowImpl.class);
    worker.registerActivitiesImplementations(mailbox);
    env.start();
    MailboxSyncWorkflow sync =
        env.getWorkflowClient()
            .newWorkflowStub(
                MailboxSyncWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId(MailboxSyncWorkflow.workflowId("grant-1"))
                    .build());
    WorkflowClient.start(
        sync::run,
        new MailboxSyncInput(
            7,
            "grant-1",
            null,
            Duration.ofSeconds(15),
            Duration.ofMinutes(2),
            passesBeforeContinueAsNew,
            null));
    return sync;
  }

  private void awaitPasses(MailboxSyncWorkflow sync, int passes) {
    for (int i = 0; i < 100 && sync.status().passes() < passes; i++) {
      env.sleep(Duration.ofMillis(100));
    }
    assertThat(sync.status().passes()).isGreaterThanOrEqualTo(passes);
  }

  @Test
  void shouldPassTheCursorOfEachPassToTheNext() {
    MailboxSyncWorkflow sync = start(100);

    mailbox.newestMail = 1000;
    awaitPasses(sync, 1); // on a loaded machine the first pass may still be running after 1 s
    mailbox.newestMail = 2000;
    env.sleep(Duration.ofSeconds(15));
    env.sleep(Duration.ofSeconds(15));

    assertThat(mailbox.cursors()).startsWith(null, 1000L, 2000L);
    assertThat(sync.status().cursor()).isEqualTo(2000L);
  }

  @Test
  void shouldRetryAFailedPassFromTheSameCursor() {
    mailbox.failuresLeft.set(3);
    MailboxSyncWorkflow sync = start(100);

    env.sleep(Duration.ofSeconds(14));

    assertThat(mailbox.cursors()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(mailbox.cursors().subList(0, 4)).containsOnlyNulls();
    assertThat(sync.status().passes()).isEqualTo(1);
  }

  @Test
  void shouldRunTheNextPassAtOnceWhenPoked() {
    MailboxSyncWorkflow sync = start(100);
    env.sleep(Duration.ofSeconds(1));
    int before = mailbox.cursors().size();

    sync.pollNow();
    env.sleep(Duration.ofMillis(500));

    assertThat(mailbox.cursors()).hasSize(before + 1);
  }

  @Test
  void shouldKeepCursorAndTotalsAcrossContinueAsNew() {
    MailboxSyncWorkflow sync = start(3);
    mailbox.newestMail = 5000;

    env.sleep(Duration.ofMinutes(2));

    assertThat(sync.status().passes()).isGreaterThan(3);
    assertThat(sync.status().ingested()).isEqualTo(sync.status().passes());
    assertThat(mailbox.cursors().subList(1, mailbox.cursors().size())).containsOnly(5000L);
  }
}
