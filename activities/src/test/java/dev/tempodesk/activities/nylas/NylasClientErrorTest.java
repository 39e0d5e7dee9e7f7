package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.NylasApiException.Kind;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NylasClientErrorTest extends NylasServerTestSupport {

  @Test
  void shouldNotRetryUnauthorized() {
    server.enqueue(json(401, error("req-401", "unauthorized", "Unauthorized")));

    NylasApiException e = catchApiError(() -> client.getGrant(GRANT));

    assertThat(e.kind()).isEqualTo(Kind.AUTH);
    assertThat(e.type()).isEqualTo("unauthorized");
    assertThat(e.requestId()).isEqualTo("req-401");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).doesNotContain(API_KEY);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldNotRetryNotFound() {
    server.enqueue(json(404, error("req-404", "not_found_error", "requested object not found")));

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "gone", false));

    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.getMessage())
        .isEqualTo(
            "Nylas HTTP 404 not_found_error: requested object not found (request_id=req-404)");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 422, 423})
  void shouldNotRetryOtherClientErrors(int status) {
    server.enqueue(json(status, error("req-4xx", "invalid_request_error", "no")));
    server.enqueue(json(200, okMessage()));

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.retryable()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void shouldReportUndecodableSuccessBodyWithoutRetrying() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("x-request-id", "req-captive")
            .body("<html>Sign in to the guest Wi-Fi</html>")
            .build());

    NylasApiException e = catchApiError(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED);
    assertThat(e.type()).isEqualTo("unreadable_response");
    assertThat(e.requestId()).isEqualTo("req-captive");
    assertThat(e.retryable()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
