package dev.tempodesk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

  @Test
  void shouldRunEverythingEmbeddedWithoutConfiguration() {
    RuntimeSettings settings = RuntimeSettings.from(Map.of());

    assertThat(settings.database().embedded()).isTrue();
    assertThat(settings.embeddedTemporal()).isTrue();
    assertThat(settings.temporalNamespace()).isEqualTo("default");
  }

  @Test
  void shouldTranslatePostgresUrlWithCredentialsToJdbc() {
    RuntimeSettings settings =
        RuntimeSettings.from(
            Map.of(
                "DATABASE_URL",
                    "postgres://desk:s%40cret@db.internal:6543/tempodesk?sslmode=require",
                "TEMPORAL_ADDRESS", "temporal:7233",
                "TEMPORAL_NAMESPACE", "helpdesk"));

    assertThat(settings.database().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/tempodesk?sslmode=require");
    assertThat(settings.database().username()).isEqualTo("desk");
    assertThat(settings.database().password()).isEqualTo("s@cret");
    assertThat(settings.springProperties())
        .containsEntry("spring.temporal.connection.target", "temporal:7233")
        .containsEntry("spring.temporal.namespace", "helpdesk");
  }

  @Test
  void shouldAcceptJdbcUrlAsIs() {
    assertThat(
            RuntimeSettings.from(Map.of("DATABASE_URL", "jdbc:postgresql://h/db"))
                .database()
                .jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void shouldFailFastNamingTheBadVariableWithoutLeakingThePassword() {
    assertThatThrownBy(() -> RuntimeSettings.from(Map.of("DATABASE_URL", "mysql://u:hunter2@h/db")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("DATABASE_URL ")
        .message()
        .doesNotContain("hunter2");
    assertThatThrownBy(() -> RuntimeSettings.from(Map.of("TEMPORAL_ADDRESS", "temporal")))
        .hasMessageStartingWith("TEMPORAL_ADDRESS ");
    assertThatThrownBy(() -> RuntimeSettings.from(Map.of("TEMPORAL_ADDRESS", "temporal:99999")))
        .hasMessageStartingWith("TEMPORAL_ADDRESS ");
    assertThatThrownBy(() -> RuntimeSettings.from(Map.of("TEMPORAL_NAMESPACE", "bad namespace!")))
        .hasMessageStartingWith("TEMPORAL_NAMESPACE ");
  }
}
