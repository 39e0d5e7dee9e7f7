package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.NylasApiException.Kind;
import dev.tempodesk.fakes.nylas.ScriptedReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NylasClientErrorTest extends NylasClientTestBase {

  @Test
  void shouldNotRetryUnauthorized() {
    nylas.script("GET", GRANT_PATH, json(401, error("req-401", "unauthorized", "Unauthorized")));

    NylasApiException e = catchApiError(() -> client.getGrant(GRANT));

    assertThat(e.kind()).isEqualTo(Kind.AUTH);
    assertThat(e.type()).isEqualTo("unauthorized");
    assertThat(e.requestId()).isEqualTo("req-401");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).doesNotContain(API_KEY);
    assertThat(nylas.requestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldNotRetryNotFound() {
    nylas.script(
        "GET",
        MESSAGES + "/gone",
        json(404, error("req-404", "not_found_error", "requested object not found")));

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "gone", false));

    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.getMessage())
        .isEqualTo(
            "Nylas HTTP 404 not_found_error: requested object not found (request_id=req-404)");
    assertThat(nylas.requestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 422, 423})
  void shouldNotRetryOtherClientErrors(int status) {
    nylas.script("GET", MESSAGE, json(status, error("req-4xx", "invalid_request_error", "no")));
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.retryable()).isFalse();
    assertThat(nylas.requestCount()).isEqualTo(1);
  }

  @Test
  void shouldReportUndecodableSuccessBodyWithoutRetrying() {
    nylas.script(
        "GET",
        MESSAGE,
        ScriptedReply.of(200, "<html>Sign in to the guest Wi-Fi</html>")
            .withHeader("x-request-id", "req-captive"));

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED);
    assertThat(e.type()).isEqualTo("unreadable_response");
    assertThat(e.requestId()).isEqualTo("req-captive");
    assertThat(e.retryable()).isFalse();
    assertThat(nylas.requestCount()).isEqualTo(1);
  }
}
