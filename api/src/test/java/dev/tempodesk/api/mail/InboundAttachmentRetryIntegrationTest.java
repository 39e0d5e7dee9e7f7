package dev.tempodesk.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.attachment.AttachmentFetches;
import dev.tempodesk.api.Eventually;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.nylas.InboundFile;
import dev.tempodesk.workflows.attachment.AttachmentFetchWorkflow;
import dev.tempodesk.workflows.attachment.AttachmentFetchWorkflowImpl;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A download that keeps failing ends FAILED after a bounded number of attempts, with the reason;
 * "retry" fetches it again. On a time-skipping server: the backoff between attempts is minutes.
 */
class InboundAttachmentRetryIntegrationTest {
  private MailPipeline pipeline;
  private AttachmentRepository attachments;
  private MailboxSyncWorkflow sync;

  @BeforeEach
  void start() {
    // One HTTP attempt per activity attempt, so the attempts counted are the workflow's.
    pipeline =
        MailPipeline.timeSkipping(FakeNylasServer.start("pipeline-key", "c", FaultPlan.none()), 1);
    attachments = new AttachmentRepository(pipeline.jooq.dsl());
    // Polled rarely and poked for the mail: while the download's retries skip 130 s of backoff, a
    // 1 s poll would run 130 real passes in between (20 s of the test).
    sync = pipeline.startSync(Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void aDownloadThatKeepsFailingEndsFailedAndRetryFetchesItAgain() {
    pipeline.nylas.faults().failNextDownloads(AttachmentFetchWorkflowImpl.FETCH_ATTEMPTS, 500);
    FakeMessage mail =
        pipeline.nylas.receive(
            MailPipeline.GRANT,
            InboundEmail.of("Dana", "dana@client.example", "Contract", "Signed copy attached.")
                .withAttachments(
                    List.of(
                        InboundFile.attached(
                            "contract.pdf",
                            "application/pdf",
                            InboundAttachmentsIntegrationTest.PDF))));
    sync.pollNow();
    Eventually.await(
        () -> pipeline.threads.findMessage(pipeline.mailbox.getId(), mail.id()).isPresent());
    MessagesRecord message =
        pipeline.threads.findMessage(pipeline.mailbox.getId(), mail.id()).orElseThrow();
    assertThat(pipeline.tickets.find(message.getTicketNumber())).isPresent();

    awaitWorkflow(AttachmentFetchWorkflow.workflowId(message.getId().toString()));

    AttachmentsRecord failed = file(message);
    assertThat(failed.getState()).isEqualTo(AttachmentRepository.FAILED);
    assertThat(failed.getReason()).startsWith("Download failed:").contains("500");
    assertThat(downloads(mail)).isEqualTo(AttachmentFetchWorkflowImpl.FETCH_ATTEMPTS);

    assertThat(attachments.retry(failed.getId())).isTrue();
    AttachmentFetches.over(pipeline.temporal.getWorkflowClient(), MailPipeline.TASK_QUEUE)
        .retry(message.getId(), failed.getId());
    awaitWorkflow(AttachmentFetchWorkflow.retryWorkflowId(failed.getId().toString()));

    AttachmentsRecord stored = file(message);
    assertThat(stored.getState()).isEqualTo(AttachmentRepository.STORED);
    assertThat(stored.getReason()).isNull();
    assertThat(stored.getContentType()).isEqualTo("application/pdf");
    assertThat(downloads(mail)).isEqualTo(AttachmentFetchWorkflowImpl.FETCH_ATTEMPTS + 1);
    assertThat(attachments.retry(failed.getId())).as("only a FAILED file is retried").isFalse();
  }

  /** Waits for the workflow to exist, then for its end (skipping time meanwhile). */
  private void awaitWorkflow(String workflowId) {
    WorkflowClient client = pipeline.temporal.getWorkflowClient();
    Eventually.await(
        () -> {
          try {
            client.newUntypedWorkflowStub(workflowId).describe();
            return true;
          } catch (RuntimeException notYet) {
            return false;
          }
        });
    client.newUntypedWorkflowStub(workflowId).getResult(Void.class);
  }

  private AttachmentsRecord file(MessagesRecord message) {
    return attachments.forMessages(List.of(message.getId())).getFirst();
  }

  private long downloads(FakeMessage mail) {
    return pipeline.nylas.requests().stream()
        .filter(r -> r.path().endsWith("/download"))
        .filter(r -> r.path().contains(mail.attachments().getFirst().id()))
        .count();
  }
}
