package dev.tempodesk.workflows.assist;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The assist workflow's retries by failure kind and its auto-apply step, with time skipping,
 * against scripted activities (each call fails with the next scripted kind until the script is
 * empty, then stores result 42).
 */
class AssistWorkflowTest {
  private static final String QUEUE = "assist-test";
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final Script script = new Script();

  static class Script implements AssistActivities {
    final Deque<String> failures = new ArrayDeque<>();
    final List<Long> callTimes = new ArrayList<>();
    final List<Long> applied = new ArrayList<>();
    Duration retryAfter;
    boolean autoApplyOn;
    TestWorkflowEnvironment env;

    @Override
    public synchronized Long suggest(AssistRequest request) {
      callTimes.add(env.currentTimeMillis());
      String kind = failures.poll();
      if (kind == null) {
        return 42L;
      }
      if ("RATE_LIMITED".equals(kind) && retryAfter != null) {
        throw ApplicationFailure.newFailureWithCauseAndDelay(
            "budget spent", kind, null, retryAfter);
      }
      throw ApplicationFailure.newFailure(kind + " from the provider", kind);
    }

    @Override
    public synchronized boolean autoApply(long resultId) {
      if (!autoApplyOn) {
        return false;
      }
      applied.add(resultId);
      return true;
    }
  }

  @BeforeEach
  void start() {
    script.env = env;
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AssistWorkflowImpl.class);
    worker.registerActivitiesImplementations(script);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private AssistOutcome run(AssistRequest request) {
    AssistWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                AssistWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId(
                        AssistWorkflow.workflowId(request.ticketNumber(), request.kind()))
                    .build());
    return workflow.run(request);
  }

  @Test
  void aBusyProviderIsTriedAgainWithGrowingPausesThenTheSuggestionIsStored() {
    script.failures.addAll(List.of("UNAVAILABLE", "RATE_LIMITED", "UNAVAILABLE"));

    AssistOutcome outcome = run(AssistRequest.byAgent(7, AssistKind.SUMMARY, 1));

    assertThat(outcome).isEqualTo(AssistOutcome.written(42L, false));
    assertThat(script.callTimes).hasSize(4);
    List<Long> pauses = pauses();
    assertThat(pauses.get(0)).isGreaterThanOrEqualTo(5_000);
    assertThat(pauses.get(1)).isGreaterThanOrEqualTo(10_000);
    assertThat(pauses.get(2)).isGreaterThanOrEqualTo(20_000);
  }

  @Test
  void theProvidersRetryAfterSetsThePause() {
    script.failures.add("RATE_LIMITED");
    script.retryAfter = Duration.ofSeconds(40);

    assertThat(run(AssistRequest.byAgent(7, AssistKind.DRAFT, 1)).resultId()).isEqualTo(42L);
    assertThat(pauses().getFirst()).isGreaterThanOrEqualTo(40_000);
  }

  @Test
  void aProviderDownForLongerThanTheAttemptsIsReportedNotThrown() {
    for (int i = 0; i < AssistWorkflowImpl.ATTEMPTS; i++) {
      script.failures.add("UNAVAILABLE");
    }
    script.failures.add("never reached");

    AssistOutcome outcome = run(AssistRequest.byAgent(7, AssistKind.SUMMARY, 1));

    assertThat(outcome.resultId()).isNull();
    assertThat(outcome.failure()).isEqualTo("UNAVAILABLE");
    assertThat(script.callTimes).hasSize(AssistWorkflowImpl.ATTEMPTS);
  }

  @Test
  void aMalformedAnswerIsAskedForOnceMore() {
    script.failures.add("MALFORMED");
    assertThat(run(AssistRequest.byAgent(7, AssistKind.TRIAGE, 1)).resultId()).isEqualTo(42L);
    assertThat(script.callTimes).hasSize(2);
  }

  @Test
  void twoMalformedAnswersAreReportedWithoutAThirdCall() {
    script.failures.addAll(List.of("MALFORMED", "MALFORMED"));
    AssistOutcome outcome = run(AssistRequest.byAgent(7, AssistKind.TRIAGE, 1));
    assertThat(outcome.failure()).isEqualTo("MALFORMED");
    assertThat(script.callTimes).hasSize(2);
  }

  @Test
  void aRefusalIsNotRetried() {
    script.failures.add("REFUSED");
    AssistOutcome outcome = run(AssistRequest.byAgent(7, AssistKind.DRAFT, 1));
    assertThat(outcome.failure()).isEqualTo("REFUSED");
    assertThat(outcome.message()).isEqualTo("REFUSED from the provider");
    assertThat(script.callTimes).hasSize(1);
  }

  @Test
  void anAutomaticTriageIsAppliedOnlyWhenTheSettingSaysSo() {
    assertThat(run(AssistRequest.automatic(7, AssistKind.TRIAGE)))
        .isEqualTo(AssistOutcome.written(42L, false));

    script.autoApplyOn = true;
    assertThat(run(AssistRequest.automatic(8, AssistKind.TRIAGE)))
        .isEqualTo(AssistOutcome.written(42L, true));
    assertThat(script.applied).containsExactly(42L);
  }

  @Test
  void aTriageAnAgentAskedForIsNeverAppliedByTheWorkflow() {
    script.autoApplyOn = true;
    assertThat(run(AssistRequest.byAgent(7, AssistKind.TRIAGE, 1)).applied()).isFalse();
    assertThat(script.applied).isEmpty();
  }

  private List<Long> pauses() {
    List<Long> pauses = new ArrayList<>();
    for (int i = 1; i < script.callTimes.size(); i++) {
      pauses.add(script.callTimes.get(i) - script.callTimes.get(i - 1));
    }
    return pauses;
  }
}
