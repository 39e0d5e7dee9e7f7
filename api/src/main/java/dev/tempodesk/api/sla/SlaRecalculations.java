package dev.tempodesk.api.sla;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.workflows.sla.RecalculationInput;
import dev.tempodesk.workflows.sla.RecalculationProgress;
import dev.tempodesk.workflows.sla.SlaRecalculationWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts the {@link SlaRecalculationWorkflow} for an admin's change, once it is committed, and
 * reads its progress. The write's response names it in the {@value #HEADER} header.
 */
@Component
public class SlaRecalculations {
  public static final String HEADER = "Sla-Recalculation";

  private final WorkflowClient client;
  private final String taskQueue;

  @Autowired
  SlaRecalculations(WorkflowClient client, TempodeskProperties properties) {
    this(client, properties.taskQueue());
  }

  /** Starting recalculations on this task queue (for rigs without Spring). */
  public SlaRecalculations(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** Starts the change's recalculation, if it has one, and names it in the response. */
  public void start(Optional<SlaChange> change, HttpServletResponse response) {
    change.ifPresent(c -> response.setHeader(HEADER, start(c)));
  }

  /**
   * Starts the recalculation after the current transaction commits (at once without one). The same
   * change started twice runs once.
   *
   * @return its workflow id
   */
  public String start(SlaChange change) {
    String id = SlaRecalculationWorkflow.workflowId(change.key());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              launch(id, change);
            }
          });
    } else {
      launch(id, change);
    }
    return id;
  }

  private void launch(String id, SlaChange change) {
    SlaRecalculationWorkflow workflow =
        client.newWorkflowStub(
            SlaRecalculationWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(id).build());
    try {
      WorkflowClient.start(
          workflow::recalculate, RecalculationInput.of(change.selection(), change.reason()));
    } catch (WorkflowExecutionAlreadyStarted sameChange) {
      // a double submit: the first start does the work
    }
  }

  /** How far the recalculation got; 404 if there is none of that id. */
  public RecalculationProgress progress(String id) {
    if (!id.startsWith(SlaRecalculationWorkflow.ID_PREFIX)) {
      throw notFound(id);
    }
    try {
      RecalculationProgress progress =
          client.newWorkflowStub(SlaRecalculationWorkflow.class, id).progress();
      if (progress == null) {
        throw notFound(id);
      }
      return progress;
    } catch (WorkflowNotFoundException gone) {
      throw notFound(id);
    }
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("There is no SLA recalculation " + id + ".");
  }
}
