package dev.tempodesk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.activities.assist.AssistProvider;
import dev.tempodesk.activities.assist.AssistSettings;
import dev.tempodesk.activities.assist.OkHttpAssistModel;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TEMPODESK_ASSIST_*: off without a URL, defaults, and values that stop the start. */
class AssistConfigTest {

  @Test
  void withoutAUrlAssistIsOffAndNothingCallsOut() {
    AssistProvider provider =
        new AssistConfig()
            .assistProvider(
                new AssistProperties(" ", "llama3.1", "key", "oops", "oops"), Clock.systemUTC());

    assertThat(provider.configured()).isFalse();
    assertThat(provider.model()).isEmpty();
    assertThat(provider.modelName()).isEmpty();
  }

  @Test
  void aUrlAndAModelTurnItOnWithTheDefaults() {
    AssistSettings settings =
        AssistConfig.settings(
                new AssistProperties("http://localhost:11434/v1/", "llama3.1", null, null, null))
            .orElseThrow();

    assertThat(settings.baseUrl().toString()).isEqualTo("http://localhost:11434/v1");
    assertThat(settings.model()).isEqualTo("llama3.1");
    assertThat(settings.apiKey()).isNull();
    assertThat(settings.perMinute()).isEqualTo(30);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
    AssistProvider provider =
        new AssistConfig()
            .assistProvider(
                new AssistProperties("http://localhost:11434/v1", "llama3.1", null, null, null),
                Clock.systemUTC());
    assertThat(provider.configured()).isTrue();
    assertThat(provider.modelName()).contains("llama3.1");
    assertThat(provider.model()).get().isInstanceOf(OkHttpAssistModel.class);
  }

  @Test
  void theBudgetAndTimeoutCanBeSetAndTheKeyIsNeverPrinted() {
    AssistSettings settings =
        AssistConfig.settings(
                new AssistProperties("https://api.example.com/v1", "m", "sk-secret", "5", "PT45S"))
            .orElseThrow();

    assertThat(settings.perMinute()).isEqualTo(5);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(AssistConfig.timeout("12")).isEqualTo(Duration.ofSeconds(12));
    assertThat(settings.toString()).doesNotContain("sk-secret");
    assertThat(new AssistProperties("u", "m", "sk-secret", null, null).toString())
        .doesNotContain("sk-secret");
  }

  @Test
  void malformedValuesStopTheStartNamingTheVariable() {
    assertVariable(new AssistProperties("localhost:11434", "m", null, null, null), "URL");
    assertVariable(new AssistProperties("ftp://models/v1", "m", null, null, null), "URL");
    assertVariable(new AssistProperties("http://localhost/v1", null, null, null, null), "MODEL");
    assertVariable(new AssistProperties("http://localhost/v1", "m", null, "0", null), "PER_MINUTE");
    assertVariable(
        new AssistProperties("http://localhost/v1", "m", null, "thirty", null), "PER_MINUTE");
    assertVariable(new AssistProperties("http://localhost/v1", "m", null, null, "0"), "TIMEOUT");
    assertVariable(new AssistProperties("http://localhost/v1", "m", null, null, "soon"), "TIMEOUT");
    assertVariable(new AssistProperties("http://localhost/v1", "m", null, null, "PT1H"), "TIMEOUT");
  }

  private static void assertVariable(AssistProperties properties, String suffix) {
    assertThatThrownBy(() -> AssistConfig.settings(properties))
        .isInstanceOf(InvalidSettingException.class)
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("TEMPODESK_ASSIST_" + suffix);
  }
}
