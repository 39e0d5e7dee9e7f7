package dev.tempodesk.activities.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tempodesk.activities.assist.AssistFailure.Kind;
import dev.tempodesk.activities.nylas.CallProgress;
import dev.tempodesk.fakes.openai.FakeOpenAiServer;
import dev.tempodesk.fakes.openai.FaultPlan;
import dev.tempodesk.fakes.openai.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The client against the fake OpenAI-compatible server: answers, retries, budget, failures. */
class OkHttpAssistModelTest {
  private static final String KEY = "sk-test-key-do-not-leak-91Zq";
  private static final String MODEL = FakeOpenAiServer.DEFAULT_MODEL;
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final String THREAD =
      """
      Subject: Invoice 1042 is wrong
      From: Alice Example <alice@example.com>
      You charged me twice this month. Please refund one of them.
      """;

  private final FaultPlan faults = FaultPlan.none();
  private FakeOpenAiServer server = FakeOpenAiServer.options().apiKey(KEY).faults(faults).start();
  private final List<Duration> sleeps = new ArrayList<>();
  private final MovableClock clock = new MovableClock(NOW);

  @AfterEach
  void stop() {
    server.close();
  }

  private AssistModel model(String key, int perMinute, Duration timeout) {
    AssistSettings settings =
        AssistSettings.of(HttpUrl.get(server.baseUrl()), MODEL, key, perMinute, timeout);
    return new OkHttpAssistModel(
        settings,
        OkHttpAssistModel.defaultHttpClient(settings),
        sleeps::add,
        CallProgress.none(),
        new AssistBudget(perMinute, clock),
        clock);
  }

  private AssistModel model() {
    return model(KEY, 30, Duration.ofSeconds(5));
  }

  private static AssistPrompt summary() {
    return new AssistPrompt(
        "summary",
        List.of(AssistMessage.system("Summarise this support thread."), AssistMessage.user(THREAD)),
        200,
        false);
  }

  private static AssistPrompt triage() {
    return new AssistPrompt(
        "triage",
        List.of(
            AssistMessage.system("Triage the ticket. Answer with a JSON object."),
            AssistMessage.user(THREAD)),
        null,
        true);
  }

  private static AssistFailure failureOf(Runnable call) {
    return catchThrowableOfType(AssistFailure.class, call::run);
  }

  @Test
  void anAnswerCarriesTheContentTheModelAndTheTokenCounts() {
    AssistAnswer answer = model().complete(summary());

    assertThat(answer.content()).isEqualTo("- Alice Example: You charged me twice this month.");
    assertThat(answer.model()).isEqualTo(MODEL);
    assertThat(answer.answeredAt()).isEqualTo(NOW);
    assertThat(answer.promptTokens()).isPositive();
    assertThat(answer.completionTokens()).isPositive();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void theRequestCarriesTheDocumentedFields() {
    model().complete(triage());
    model().complete(summary());

    List<RecordedRequest> sent = server.completionRequests();
    assertThat(sent).hasSize(2);
    RecordedRequest json = sent.get(0);
    assertThat(json.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(json.header("Content-Type")).startsWith("application/json");
    JsonNode body = json.json();
    assertThat(body.path("model").asString()).isEqualTo(MODEL);
    assertThat(body.path("messages").size()).isEqualTo(2);
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
    assertThat(body.path("messages").path(1).path("role").asString()).isEqualTo("user");
    assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo(THREAD);
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
    assertThat(body.path("response_format").path("type").asString()).isEqualTo("json_object");
    assertThat(body.has("max_tokens")).isFalse();
    assertThat(body.path("stream").asBoolean(true)).isFalse();
    JsonNode plain = sent.get(1).json();
    assertThat(plain.path("max_tokens").asInt()).isEqualTo(200);
    assertThat(plain.has("response_format")).isFalse();
  }

  @Test
  void withoutAKeyNoAuthorizationIsSent() {
    server.close();
    server = FakeOpenAiServer.options().faults(faults).start();

    model(null, 30, Duration.ofSeconds(5)).complete(summary());

    assertThat(server.completionRequests().getFirst().header("Authorization")).isNull();
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsUnavailableAndNotRepeated() {
    faults.slowNext(1, Duration.ofSeconds(3));

    AssistFailure failure =
        failureOf(() -> model(KEY, 30, Duration.ofMillis(500)).complete(summary()));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.kind().retryable()).isTrue();
    assertThat(server.completionRequests()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void a429IsRetriedAfterItsRetryAfterInSeconds() {
    faults.rateLimitNext(1, 3);

    AssistAnswer answer = model().complete(summary());

    assertThat(answer.content()).startsWith("- Alice Example");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(server.completionRequests()).hasSize(2);
  }

  @Test
  void aRetryAfterDateIsHonouredToo() {
    String inFiveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atZone(ZoneOffset.UTC));
    faults.rateLimitNext(1, inFiveSeconds);

    model().complete(summary());

    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void aRetryAfterLongerThanTheCallMayWaitEndsTheCallWithTheWait() {
    faults.rateLimitNext(1, 120);

    AssistFailure failure = failureOf(() -> model().complete(summary()));

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(server.completionRequests()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedWithGrowingJitteredBackoffUntilTheAttemptsAreUsedUp() {
    faults.failNext(3, 503);

    AssistFailure failure = failureOf(() -> model().complete(summary()));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.getMessage()).contains("503").contains("overloaded");
    assertThat(server.completionRequests()).hasSize(AssistSettings.DEFAULT_MAX_ATTEMPTS);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void a500ThenAnAnswerSucceeds() {
    faults.failNext(1, 500);

    assertThat(model().complete(triage()).content()).contains("\"tags\":[\"billing\"]");
    assertThat(server.completionRequests()).hasSize(2);
  }

  @Test
  void answersThatAreNotTheDocumentedShapeAreMalformedAndNotRepeated() {
    faults.malformedNext(1).noChoicesNext(1);

    AssistFailure notJson = failureOf(() -> model().complete(summary()));
    AssistFailure noChoices = failureOf(() -> model().complete(summary()));

    assertThat(notJson.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(noChoices.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(noChoices.kind().retryable()).isFalse();
    assertThat(server.completionRequests()).hasSize(2);
  }

  @Test
  void proseWhereJsonWasAskedIsReturnedForTheCallerToReject() {
    faults.notTheAskedJsonNext(1);

    AssistAnswer answer = model().complete(triage());

    assertThat(answer.content()).doesNotStartWith("{");
  }

  @Test
  void aSpentBudgetAnswersRateLimitedWithoutCallingOut() {
    AssistModel model = model(KEY, 2, Duration.ofSeconds(5));
    model.complete(summary());
    model.complete(summary());

    AssistFailure spent = failureOf(() -> model.complete(summary()));

    assertThat(spent.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(spent.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(server.completionRequests()).hasSize(2);

    clock.advance(Duration.ofSeconds(30));
    assertThat(model.complete(summary()).content()).isNotBlank();
    assertThat(server.completionRequests()).hasSize(3);
  }

  @Test
  void aWrongKeyIsRefusedWithoutRetryAndWithoutPrintingAnyKeyOrPrompt() {
    AssistFailure failure =
        failureOf(() -> model("sk-wrong-key-77", 30, Duration.ofSeconds(5)).complete(summary()));

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.getMessage()).contains("401");
    assertThat(failure.getMessage()).doesNotContain("sk-wrong-key-77", KEY, "charged");
    assertThat(server.completionRequests()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anUnknownModelIsRefused() {
    AssistSettings settings =
        AssistSettings.of(HttpUrl.get(server.baseUrl()), "gpt-9", KEY, 30, Duration.ofSeconds(5));
    AssistModel model =
        new OkHttpAssistModel(
            settings,
            OkHttpAssistModel.defaultHttpClient(settings),
            sleeps::add,
            CallProgress.none(),
            new AssistBudget(30, clock),
            clock);

    AssistFailure failure = failureOf(() -> model.complete(summary()));

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.getMessage()).contains("404").contains("gpt-9");
  }

  @Test
  void noServerIsUnavailableAfterTheRetries() {
    AssistModel model = model();
    server.close();

    AssistFailure failure = failureOf(() -> model.complete(summary()));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(sleeps).hasSize(AssistSettings.DEFAULT_MAX_ATTEMPTS - 1);
  }

  @Test
  void promptsAndAnswersNeverPrintTheirText() {
    AssistAnswer answer = model().complete(summary());

    assertThat(summary().toString()).doesNotContain("charged");
    assertThat(answer.toString()).doesNotContain("Alice");
  }
}
