package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NylasSettingsTest {

  private static final String API_KEY = "nyk_v0_secret-value-123";

  @Test
  void shouldKeepApiKeyOutOfToString() {
    NylasSettings settings = NylasSettings.of(NylasSettings.EU, API_KEY, "app-1");

    assertThat(settings.toString())
        .doesNotContain(API_KEY)
        .contains("apiKey=[redacted]", "api.eu.nylas.com", "app-1", "maxAttempts=3");
    assertThat(settings.apiKey()).isEqualTo(API_KEY);
  }

  @Test
  void shouldRejectUnusableSettings() {
    assertThatThrownBy(() -> NylasSettings.of(NylasSettings.US, " ", "app-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new NylasSettings(NylasSettings.US, API_KEY, "app-1", 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new NylasSettings(NylasSettings.US, API_KEY, "app-1", 3, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWorkWithoutClientIdUntilAMailboxIsConnected() {
    NylasSettings settings = NylasSettings.of(NylasSettings.US, API_KEY, null);
    NylasClient client =
        new NylasClient(settings, NylasClient.defaultHttpClient(settings), Sleeper.system());

    assertThatThrownBy(() -> client.authorizeUrl("https://help.example/cb", "s", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NYLAS_CLIENT_ID");
    assertThatThrownBy(() -> client.exchangeCode("code", "https://help.example/cb"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NYLAS_CLIENT_ID");
  }
}
