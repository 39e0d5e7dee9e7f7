package dev.tempodesk.api.mail;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.workflows.mailbox.MailboxSyncInput;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/** Starts and pokes the sync workflow of each connected mailbox ({@code mailbox-<grant>}). */
@Component
public class MailboxSyncs {
  static final int PASSES_BEFORE_CONTINUE_AS_NEW = 500;

  private final WorkflowClient client;
  private final MailboxRepository mailboxes;
  private final TempodeskProperties properties;

  public MailboxSyncs(
      WorkflowClient client, MailboxRepository mailboxes, TempodeskProperties properties) {
    this.client = client;
    this.mailboxes = mailboxes;
    this.properties = properties;
  }

  /** Starts the mailbox's sync from its stored cursor unless it runs already. */
  public boolean ensureRunning(MailboxesRecord mailbox) {
    MailboxSyncWorkflow sync =
        client.newWorkflowStub(
            MailboxSyncWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(properties.taskQueue())
                .setWorkflowId(MailboxSyncWorkflow.workflowId(mailbox.getGrantId()))
                .build());
    try {
      WorkflowClient.start(
          sync::run,
          new MailboxSyncInput(
              mailbox.getId(),
              mailbox.getGrantId(),
              mailbox.getSyncCursor(),
              properties.mail().pollInterval(),
              properties.mail().overlap(),
              PASSES_BEFORE_CONTINUE_AS_NEW,
              null));
      return true;
    } catch (WorkflowExecutionAlreadyStarted running) {
      return false;
    }
  }

  /** Asks the mailbox's sync for a pass now; starts the sync if it is missing. */
  public void poke(String grantId) {
    try {
      client
          .newWorkflowStub(MailboxSyncWorkflow.class, MailboxSyncWorkflow.workflowId(grantId))
          .pollNow();
    } catch (WorkflowNotFoundException missing) {
      mailboxes.findByGrant(grantId).ifPresent(this::ensureRunning);
    }
  }

  public void ensureAllRunning() {
    mailboxes.listActive().forEach(this::ensureRunning);
  }
}
