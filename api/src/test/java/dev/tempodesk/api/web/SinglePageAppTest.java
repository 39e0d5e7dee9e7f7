package dev.tempodesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The api jar serves the web app, and reloading a client-side route still gets the app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SinglePageAppTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  /** As a browser asks: HttpApi would parse the answer as JSON. */
  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String html(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(path)
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    return response.body();
  }

  @Test
  void shouldServeTheAppAtTheRootAndOnClientRoutes() throws Exception {
    String index = html("/");
    assertThat(index).contains("<div id=\"root\">");
    assertThat(html("/tickets/1002")).isEqualTo(index);
    assertThat(html("/mailboxes")).isEqualTo(index);
  }

  @Test
  void shouldNeverAnswerServerPathsWithTheApp() throws Exception {
    for (String path :
        new String[] {
          "/api/no-such-thing", "/actuator/no-such-thing", "/v3/no-such-thing", "/assets/missing.js"
        }) {
      HttpResponse<String> response = get(path);
      // Without a session the server paths are refused (401) before routing; a missing asset is
      // a plain 404. Either way never the app's page.
      assertThat(response.statusCode()).as(path).isIn(401, 404);
      assertThat(response.body()).as(path).doesNotContain("<div id=\"root\">");
    }
    assertThat(get("/assets/missing.js").statusCode()).isEqualTo(404);
    assertThat(get("/api/tickets").statusCode()).as("the API, not the app").isEqualTo(401);
    assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
  }
}
