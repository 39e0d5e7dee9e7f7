package dev.tempodesk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

  @Test
  void shouldRunEverythingEmbeddedWithoutConfiguration() {
    RuntimeSettings settings = RuntimeSettings.from(Map.of());

    assertThat(settings.database().embedded()).isTrue();
    assertThat(settings.embeddedTemporal()).isTrue();
    assertThat(settings.temporalNamespace()).isEqualTo("default");
    assertThat(settings.ports()).isEqualTo(new RuntimeSettings.Ports(8080, 54329, 7233));
  }

  @Test
  void shouldReadThePortsFromTheirVariables() {
    RuntimeSettings settings =
        RuntimeSettings.from(
            Map.of(
                "PORT", "0",
                "TEMPODESK_POSTGRES_PORT", "15432",
                "TEMPODESK_TEMPORAL_PORT", " 17233 "));

    assertThat(settings.ports()).isEqualTo(new RuntimeSettings.Ports(0, 15432, 17233));
  }

  @Test
  void shouldFailFastNamingABadPortVariable() {
    for (String variable : List.of("PORT", "TEMPODESK_POSTGRES_PORT", "TEMPODESK_TEMPORAL_PORT")) {
      for (String bad : List.of("http", "-1", "65536", "80.5")) {
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of(variable, bad)))
            .as(variable + "=" + bad)
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith(variable + " must be a port number")
            .hasMessageContaining("'" + bad + "'");
      }
    }
    assertThatThrownBy(() -> RuntimeSettings.from(Map.of("TEMPODESK_TEMPORAL_PORT", "0")))
        .hasMessageStartingWith("TEMPODESK_TEMPORAL_PORT ");
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
