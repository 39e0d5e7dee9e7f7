package dev.tempodesk.fakes.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each fault of the plan, in the order queued, then normal answers again. */
class FakeOpenAiFaultsTest {
  private static final String M = FakeOpenAiServer.DEFAULT_MODEL;
  private final FaultPlan faults = FaultPlan.none();
  private final FakeOpenAiServer server = FakeOpenAiServer.start(faults);

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> call() {
    return Chat.post(
        server, Chat.body(M, "Summarise as JSON.", "Alice (customer): Hi. Bye."), null);
  }

  @Test
  void rateLimitsCarryRetryAfterAndTheRateLimitError() {
    faults.rateLimitNext(1, 7).rateLimitNext(1, "Wed, 21 Oct 2026 07:28:00 GMT");

    HttpResponse<String> first = call();
    HttpResponse<String> second = call();

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("7");
    assertThat(Chat.json(first).path("error").path("code").asString())
        .isEqualTo("rate_limit_exceeded");
    assertThat(second.headers().firstValue("Retry-After"))
        .contains("Wed, 21 Oct 2026 07:28:00 GMT");
    assertThat(call().statusCode()).isEqualTo(200);
    assertThat(faults.count(FaultKind.RATE_LIMITED)).isEqualTo(2);
  }

  @Test
  void serverErrorsAnswerTheStatusWithAServerError() {
    faults.failNext(1, 500).failNext(1, 503);

    HttpResponse<String> first = call();
    HttpResponse<String> second = call();

    assertThat(first.statusCode()).isEqualTo(500);
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(Chat.json(second).path("error").path("type").asString()).isEqualTo("server_error");
    assertThat(call().statusCode()).isEqualTo(200);
  }

  @Test
  void aMalformedBodyIsNotJsonAndNoChoicesIsAnEmptyArray() {
    faults.malformedNext(1).noChoicesNext(1);

    HttpResponse<String> malformed = call();
    HttpResponse<String> empty = call();

    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThat(malformed.body()).startsWith("{").doesNotEndWith("}");
    assertThat(Chat.json(empty).path("choices").isEmpty()).isTrue();
    assertThat(Chat.json(empty).path("object").asString()).isEqualTo("chat.completion");
  }

  @Test
  void notTheAskedJsonAndScriptedAnswersComeInAValidEnvelope() {
    faults.notTheAskedJsonNext(1).answerNext("{\"status\":\"CLOSED\",\"priority\":\"LOW\"}");
    ObjectNode triage = Chat.body(M, "Triage as JSON.", "My invoice is wrong");
    triage.putObject("response_format").put("type", "json_object");

    String prose = Chat.content(Chat.post(server, triage, null));
    String scripted = Chat.content(Chat.post(server, triage, null));
    String normal = Chat.content(Chat.post(server, triage, null));

    assertThat(prose).doesNotStartWith("{");
    assertThat(scripted).isEqualTo("{\"status\":\"CLOSED\",\"priority\":\"LOW\"}");
    JsonNode json = OpenAiJson.MAPPER.readTree(normal);
    assertThat(json.path("tags").toString()).isEqualTo("[\"billing\"]");
  }

  @Test
  void aSlowAnswerArrivesAfterTheDelay() {
    faults.slowNext(1, Duration.ofMillis(400));

    long start = System.nanoTime();
    HttpResponse<String> slow = call();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(slow.statusCode()).isEqualTo(200);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(faults.count(FaultKind.SLOW_ANSWER)).isEqualTo(1);
  }

  @Test
  void randomServerErrorsAreRepeatableForASeed() {
    faults.serverErrors(0.5);
    StringBuilder statuses = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      statuses.append(call().statusCode()).append(' ');
    }
    FaultPlan again = FaultPlan.seeded(0).serverErrors(0.5);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      FaultPlan.Fault fault = again.drawFault();
      expected.append(fault == null ? 200 : fault.status()).append(' ');
    }

    assertThat(statuses.toString())
        .isEqualTo(expected.toString())
        .contains("200")
        .containsPattern("50[03]");
  }
}
