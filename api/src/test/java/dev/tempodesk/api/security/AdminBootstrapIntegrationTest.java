package dev.tempodesk.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The first admin of a production install comes from TEMPODESK_ADMIN_EMAIL/PASSWORD. */
class AdminBootstrapIntegrationTest {

  private static ConfigurableApplicationContext start(
      TestDatabases.TestDatabase database, String email, String password) {
    return new SpringApplicationBuilder(TempodeskApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--tempodesk.admin.email=" + email,
            "--tempodesk.admin.password=" + password);
  }

  @Test
  void shouldCreateTheFirstAdminFromTheEnvironmentOnlyWhileNoAdminCanSignIn() {
    TestDatabases.TestDatabase database = TestDatabases.fresh();
    try (ConfigurableApplicationContext app =
        start(database, "Root@Example.com", "first admin password")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();

      HttpApi root = HttpApi.signedInAs(port, "root@example.com", "first admin password");

      assertThat(root.get("/api/auth/me").body().get("role").asString()).isEqualTo("ADMIN");
    }
    try (ConfigurableApplicationContext app =
        start(database, "second@example.com", "another password")) {
      assertThat(app.getBean(AgentRepository.class).findByEmail("second@example.com"))
          .as("an admin exists already, so the variables change nothing")
          .isEmpty();
    }
  }

  @Test
  void shouldRefuseToStartWithATooShortAdminPasswordNamingTheVariable() {
    assertThatThrownBy(() -> start(TestDatabases.fresh(), "root@example.com", "short"))
        .hasStackTraceContaining("TEMPODESK_ADMIN_PASSWORD");
  }
}
