package dev.tempodesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web app's API hooks are generated (Orval) from {@code webapp/openapi.json}, so that snapshot
 * must be the document this code serves. Regenerate it with {@code UPDATE_OPENAPI=true ./mvnw -B
 * test -pl api -am -Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiSnapshotTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final Path SNAPSHOT = Path.of("../webapp/openapi.json");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;

  @Test
  void shouldMatchTheSnapshotTheWebAppIsGeneratedFrom() throws IOException {
    HttpApi.Response response = HttpApi.anonymous(port).get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    String served = canonical(response.body());

    if (Boolean.parseBoolean(System.getenv("UPDATE_OPENAPI"))) {
      Files.writeString(SNAPSHOT, served);
    }
    String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "";
    assertThat(committed)
        .as(
            "webapp/openapi.json is stale. Regenerate it with UPDATE_OPENAPI=true ./mvnw -B test"
                + " -pl api -am -Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " and commit it (the web app's hooks are generated from it)")
        .isEqualTo(served);
  }

  /** Sorted keys and no servers entry: the random test port must not leak into the snapshot. */
  private static String canonical(JsonNode document) {
    ObjectNode copy = (ObjectNode) document.deepCopy();
    copy.remove("servers");
    Object tree = JSON.treeToValue(copy, Object.class);
    return JSON.writeValueAsString(tree) + "\n";
  }
}
