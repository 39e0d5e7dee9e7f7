package dev.tempodesk.api.assignment;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.people.AgentCapacityListener;
import dev.tempodesk.workflows.assignment.AssignerInput;
import dev.tempodesk.workflows.assignment.AssignerWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The app's handle on the auto-assigner workflow: starts it (the embedded Temporal server forgets
 * it on every restart; its state lives in Postgres) and tells it about agent changes.
 */
@Component
public class Assigner implements AgentCapacityListener {
  private final WorkflowClient client;
  private final AssignerWakeUp wakeUp;
  private final AssignmentProperties assignment;
  private final TempodeskProperties properties;

  Assigner(
      WorkflowClient client,
      AssignerWakeUp wakeUp,
      AssignmentProperties assignment,
      TempodeskProperties properties) {
    this.client = client;
    this.wakeUp = wakeUp;
    this.assignment = assignment;
    this.properties = properties;
  }

  /**
   * Call after an agent was added, made available, given more capacity or deactivated (the agents'
   * commands do): the assigner re-evaluates the queue within a second.
   */
  public void agentsChanged() {
    wakeUp.wake();
  }

  /** The agents' administration calls this after it committed a change to an agent. */
  @Override
  public void agentCapacityChanged(long agentId) {
    agentsChanged();
  }

  /** After the reconciler (order 0) has given every waiting ticket its workflow back. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void onStartup() {
    ensureRunning();
  }

  /** Starts the assigner unless it runs already or auto-assignment is off. */
  public boolean ensureRunning() {
    if (!assignment.enabled()) {
      return false;
    }
    AssignerWorkflow assigner =
        client.newWorkflowStub(
            AssignerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(properties.taskQueue())
                .setWorkflowId(AssignerWorkflow.WORKFLOW_ID)
                .build());
    AssignerInput defaults = AssignerInput.defaults();
    try {
      WorkflowClient.start(
          assigner::run,
          new AssignerInput(
              assignment.safetyNet(),
              defaults.retryAfter(),
              assignment.passesBeforeContinueAsNew(),
              null));
      return true;
    } catch (WorkflowExecutionAlreadyStarted running) {
      return false;
    }
  }
}
