package dev.tempodesk.api.assist;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.workflows.assist.AssistOutcome;
import dev.tempodesk.workflows.assist.AssistRequest;
import dev.tempodesk.workflows.assist.AssistWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Starts an {@link AssistWorkflow} or joins the one running for the same ticket and kind (a double
 * click, two agents, every replica hearing of a new ticket), so the model is asked once.
 */
@Component
class AssistRuns {
  /** How long a request waits for the model before answering 202 (the page asks again). */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final WorkflowClient client;
  private final String taskQueue;

  AssistRuns(WorkflowClient client, TempodeskProperties properties) {
    this.client = client;
    this.taskQueue = properties.taskQueue();
  }

  /** Starts the request's workflow unless one runs for the ticket and kind; returns its id. */
  String start(AssistRequest request) {
    String id = AssistWorkflow.workflowId(request.ticketNumber(), request.kind());
    AssistWorkflow workflow =
        client.newWorkflowStub(
            AssistWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(id)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(15))
                .build());
    try {
      WorkflowClient.start(workflow::run, request);
    } catch (WorkflowExecutionAlreadyStarted running) {
      // joined: the running one answers both
    }
    return id;
  }

  /** Starts or joins, then waits up to {@code wait}; empty when it is still running. */
  Optional<AssistOutcome> run(AssistRequest request, Duration wait) {
    String id = start(request);
    WorkflowStub stub = client.newUntypedWorkflowStub(id, Optional.empty(), Optional.empty());
    try {
      return Optional.of(
          stub.getResult(wait.toMillis(), TimeUnit.MILLISECONDS, AssistOutcome.class));
    } catch (TimeoutException stillRunning) {
      return Optional.empty();
    }
  }
}
