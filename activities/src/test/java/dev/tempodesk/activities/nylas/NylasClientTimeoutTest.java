package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tempodesk.fakes.nylas.ScriptedReply;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NylasClientTimeoutTest extends NylasClientTestBase {

  @BeforeEach
  void useShortReadTimeout() {
    client = clientWith(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build());
  }

  private static ScriptedReply tooSlow() {
    return json(200, okMessage()).delayedBy(Duration.ofSeconds(2));
  }

  @Test
  void shouldRetryReadTimeoutThenSucceed() {
    nylas.script("GET", MESSAGE, tooSlow());
    nylas.script("GET", MESSAGE, json(200, okMessage()));

    NylasMessage message = client.getMessage(GRANT, "msg-1001", false);

    assertThat(message.id()).isEqualTo("msg-1001");
    assertThat(nylas.requestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void shouldSurfaceRepeatedTimeoutsAsRetryableTransportFailure() {
    for (int i = 0; i < 3; i++) {
      nylas.script("GET", MESSAGE, tooSlow());
    }

    Throwable thrown = catchThrowable(() -> client.getMessage(GRANT, "msg-1001", false));

    assertThat(thrown)
        .isInstanceOf(NylasTransportException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("GET /v3/grants/grant-abc-123/messages/msg-1001")
        .hasMessageNotContaining(API_KEY);
    assertThat(((NylasException) thrown).retryable()).isTrue();
    assertThat(nylas.requestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }
}
