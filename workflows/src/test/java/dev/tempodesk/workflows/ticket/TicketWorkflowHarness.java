package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A time-skipping Temporal test server with the ticket workflow and an in-memory store. */
final class TicketWorkflowHarness implements AutoCloseable {
  static final String TASK_QUEUE = "tickets-test";

  final TestWorkflowEnvironment env;
  final RecordingTicketStore store = new RecordingTicketStore();
  final RecordingNotifications notifications = new RecordingNotifications();
  final FakeOutboundMail mail = new FakeOutboundMail();
  final WorkflowClient client;
  private final Set<String> started = ConcurrentHashMap.newKeySet();

  TicketWorkflowHarness() {
    this(TestWorkflowEnvironment.newInstance());
  }

  /** A server whose virtual clock starts at {@code initialTime}. */
  TicketWorkflowHarness(Instant initialTime) {
    this(
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(initialTime).build()));
  }

  private TicketWorkflowHarness(TestWorkflowEnvironment env) {
    this.env = env;
    this.client = env.getWorkflowClient();
    TicketSearchAttributes.TYPES.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
    worker.registerActivitiesImplementations(store, notifications, mail);
    env.start();
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  TicketWorkflow start(TicketState ticket, TicketPolicy policy) {
    TicketWorkflow workflow =
        client.newWorkflowStub(
            TicketWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId(TicketWorkflow.workflowId(ticket.number))
                .build());
    WorkflowClient.start(workflow::run, new TicketWorkflowInput(ticket, policy));
    started.add(TicketWorkflow.workflowId(ticket.number));
    return workflow;
  }

  TicketWorkflow startNew(long number) {
    return start(TicketFixtures.newTicket(number, now()), TicketPolicy.defaults());
  }

  /** Runs the update and returns the rule violation it was rejected with. */
  static TicketRuleViolation rejectionOf(TicketWorkflow workflow, TicketUpdateRequest request) {
    Throwable thrown = catchThrowable(() -> workflow.update(request));
    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    assertThat(thrown.getCause()).isInstanceOf(ApplicationFailure.class);
    return TicketRuleViolation.from((ApplicationFailure) thrown.getCause()).orElseThrow();
  }

  /** Moves virtual time forward to {@code at} (if not there yet). */
  void sleepUntil(Instant at) {
    Duration left = Duration.between(now(), at);
    if (left.isPositive()) {
      sleep(left);
    }
  }

  /** Moves virtual time forward; the server fires every timer due meanwhile. */
  void sleep(Duration duration) {
    env.sleep(duration);
  }

  /**
   * True when every activity the started workflows have pending is waiting out a retry backoff: its
   * last attempt completed (failed) after it started, so no attempt runs and skipping virtual time
   * times nothing out. (The test server reports such an activity as STARTED, hence the times.)
   */
  boolean onlyRetryBackoffsPending() {
    List<PendingActivityInfo> pending =
        started.stream()
            .flatMap(
                id ->
                    env
                        .getWorkflowServiceStubs()
                        .blockingStub()
                        .describeWorkflowExecution(
                            DescribeWorkflowExecutionRequest.newBuilder()
                                .setNamespace(env.getNamespace())
                                .setExecution(
                                    WorkflowExecution.newBuilder().setWorkflowId(id).build())
                                .build())
                        .getPendingActivitiesList()
                        .stream())
            .toList();
    return !pending.isEmpty()
        && pending.stream()
            .allMatch(
                a ->
                    a.getAttempt() > 1
                        && !isBefore(a.getLastAttemptCompleteTime(), a.getLastStartedTime()));
  }

  private static boolean isBefore(Timestamp a, Timestamp b) {
    return a.getSeconds() < b.getSeconds()
        || (a.getSeconds() == b.getSeconds() && a.getNanos() < b.getNanos());
  }

  WorkflowExecutionStatus statusOf(TicketWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).describe().getStatus();
  }

  @Override
  public void close() {
    env.close();
  }
}
