package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.NylasApiException.Kind;
import dev.tempodesk.fakes.nylas.ScriptedReply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NylasClientRetryTest extends NylasClientTestBase {

  private static final String RATE_LIMITED =
      """
      {"request_id":"req-429","error":{"type":"rate_limit_error",
       "message":"Too many requests, try again shortly.","provider_error":{"code":429}}}""";
  private static final String PROVIDER_TIMEOUT =
      error("req-504", "provider_error", "Provider request timed out.");

  @Test
  void shouldWaitRetryAfterSecondsThenSucceed() {
    nylas.script("GET", MESSAGE, json(429, RATE_LIMITED).withHeader("Retry-After", "2"));
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    NylasMessage message = client.getMessage(GRANT, "msg-1001", false);

    assertThat(message.id()).isEqualTo("msg-1001");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(nylas.requestCount()).isEqualTo(2);
  }

  @Test
  void shouldBackOffWithJitterWhenRateLimitedWithoutRetryAfter() {
    nylas.script(
        "GET",
        MESSAGE,
        json(429, error("req-429", "nylas_rate_limit_exceeded", "Too many requests")));
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    client.getMessage(GRANT, "msg-1001", false);

    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(ms(500), ms(1000)));
  }

  @Test
  void shouldHonourRetryAfterGivenAsHttpDate() {
    String inFiveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atOffset(ZoneOffset.UTC));
    nylas.script("GET", MESSAGE, json(429, RATE_LIMITED).withHeader("Retry-After", inFiveSeconds));
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    client.getMessage(GRANT, "msg-1001", false);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void shouldHandBackRetryAfterLongerThanTheCapWithoutSleeping() {
    nylas.script("GET", MESSAGE, json(429, RATE_LIMITED).withHeader("Retry-After", "1200"));

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(20));
    assertThat(sleeps).isEmpty();
    assertThat(nylas.requestCount()).isEqualTo(1);
  }

  @Test
  void shouldReportEveryAttemptsStartAndEndSoTheCallerCanHeartbeatThroughout() {
    List<String> events = new ArrayList<>();
    NylasClient watched =
        new NylasClient(
            settings(),
            NylasClient.defaultHttpClient(settings()),
            delay -> events.add("sleep"),
            () -> {
              events.add("attempt");
              return () -> events.add("done");
            });
    nylas.script("GET", MESSAGE, json(503, PROVIDER_TIMEOUT));
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    watched.getMessage(GRANT, "msg-1001", false);

    assertThat(events).containsExactly("attempt", "done", "sleep", "attempt", "done");
  }

  @Test
  void shouldRetryInternalErrorThenSucceed() {
    nylas.script(
        "GET",
        MESSAGE,
        json(
            500, error("req-500", "api.internal_error", "Internal error, contact administrator.")));
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    assertThat(client.getMessage(GRANT, "msg-1001", false).id()).isEqualTo("msg-1001");
    assertThat(nylas.requestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {503, 504})
  void shouldRetryProviderErrors(int status) {
    nylas.script("GET", MESSAGE, json(status, PROVIDER_TIMEOUT));
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    assertThat(client.getMessage(GRANT, "msg-1001", false).id()).isEqualTo("msg-1001");
    assertThat(nylas.requestCount()).isEqualTo(2);
  }

  @Test
  void shouldFallBackToStatusForHtmlBadGatewayAndStopAfterMaxAttempts() {
    for (int i = 0; i < 3; i++) {
      nylas.script(
          "GET",
          MESSAGE,
          ScriptedReply.text(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>")
              .withHeader("x-request-id", "req-proxy"));
    }

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.type()).isNull();
    assertThat(e.requestId()).isEqualTo("req-proxy");
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo("Nylas HTTP 502 (request_id=req-proxy)");
    assertThat(nylas.requestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(ms(500), ms(1000));
    assertThat(sleeps.get(1)).isBetween(ms(1000), ms(2000));
  }

  @Test
  void shouldThrowLastTypedErrorWithRetryAfterWhenAttemptsRunOut() {
    for (int i = 0; i < 3; i++) {
      nylas.script("GET", MESSAGE, json(429, RATE_LIMITED).withHeader("Retry-After", "1"));
    }

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.type()).isEqualTo("rate_limit_error");
    assertThat(e.requestId()).isEqualTo("req-429");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(nylas.requestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void shouldStopRetryingWhenInterruptedWhileWaiting() {
    nylas.script("GET", MESSAGES + "/m", json(503, PROVIDER_TIMEOUT));
    NylasClient interrupted =
        new NylasClient(
            settings(),
            NylasClient.defaultHttpClient(settings()),
            d -> {
              throw new InterruptedException("worker shutting down");
            });

    try {
      NylasApiException e = catchApiError(() -> interrupted.getMessage(GRANT, "m", false));
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.getSuppressed()).hasOnlyElementsOfType(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(nylas.requestCount()).isEqualTo(1);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
