package dev.tempodesk.workflows.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The delivery workflow's loop with time skipping and a scripted receiver: what each attempt is
 * told (its number, the workflow time since the first) and how long the durable timers wait.
 */
class WebhookDeliveryWorkflowTest {
  private static final String QUEUE = "webhook-delivery-workflow";

  /** Fails the first {@code failures} attempts; the schedule decides as the real activity does. */
  static class ScriptedReceiver implements WebhookDeliveryActivities {
    final List<WebhookAttempt> attempts = new CopyOnWriteArrayList<>();
    final int failures;
    final Duration retryAfter;

    ScriptedReceiver(int failures, Duration retryAfter) {
      this.failures = failures;
      this.retryAfter = retryAfter;
    }

    @Override
    public WebhookAttemptOutcome attempt(WebhookAttempt attempt) {
      attempts.add(attempt);
      if (attempt.attempt() > failures) {
        return WebhookAttemptOutcome.finished(WebhookAttemptOutcome.DELIVERED);
      }
      Duration pause =
          WebhookRetrySchedule.nextPause(
              attempt.attempt(), Duration.ofMillis(attempt.elapsedMillis()), retryAfter);
      return pause == null
          ? WebhookAttemptOutcome.finished(WebhookAttemptOutcome.FAILED)
          : new WebhookAttemptOutcome(WebhookAttemptOutcome.RETRYING, pause.toMillis());
    }
  }

  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private ScriptedReceiver run(long delivery, int failures, Duration retryAfter) {
    ScriptedReceiver receiver = new ScriptedReceiver(failures, retryAfter);
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(receiver);
    env.start();
    env.getWorkflowClient()
        .newWorkflowStub(
            WebhookDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(WebhookDeliveryWorkflow.workflowId(delivery))
                .build())
        .deliver(delivery);
    return receiver;
  }

  private static List<Duration> elapsed(ScriptedReceiver receiver) {
    return receiver.attempts.stream().map(a -> Duration.ofMillis(a.elapsedMillis())).toList();
  }

  @Test
  void eachAttemptIsToldItsNumberAndTheTimeSinceTheFirst() {
    ScriptedReceiver receiver = run(11, 3, null);

    assertThat(receiver.attempts).extracting(WebhookAttempt::attempt).containsExactly(1, 2, 3, 4);
    assertThat(receiver.attempts).allSatisfy(a -> assertThat(a.deliveryId()).isEqualTo(11));
    assertThat(elapsed(receiver))
        .usingElementComparator((a, b) -> Math.abs(a.minus(b).toSeconds()) <= 5 ? 0 : 1)
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(30),
            Duration.ofSeconds(150),
            Duration.ofSeconds(750));
  }

  @Test
  void aReceiverDownForADayGetsTenAttemptsWithinTheWindow() {
    long wallStart = System.nanoTime();
    ScriptedReceiver receiver = run(12, Integer.MAX_VALUE, null);

    assertThat(receiver.attempts).hasSize(10);
    Duration last = elapsed(receiver).getLast();
    assertThat(last).isLessThanOrEqualTo(WebhookRetrySchedule.WINDOW);
    assertThat(last).isGreaterThan(Duration.ofHours(23).plusMinutes(40));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aRetryAfterBeyondTheWindowEndsTheDelivery() {
    ScriptedReceiver receiver = run(13, Integer.MAX_VALUE, Duration.ofHours(25));

    assertThat(receiver.attempts).hasSize(1);
  }

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void recordRetriedDelivery() throws Exception {
    run(14, 2, null);
    Path histories = Path.of("src/test/resources/histories");
    Files.writeString(
        histories.resolve("webhook-delivery-v1.json"),
        env.getWorkflowClient().fetchHistory(WebhookDeliveryWorkflow.workflowId(14)).toJson(true));
  }
}
