package dev.tempodesk.bench.list;

import dev.tempodesk.api.HttpApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A signed-in agent's browser reduced to what B2 times: a GET with the session cookie, the body
 * read as bytes. HttpApi signs in; parsing its JSON on every request would time the client too.
 */
final class AgentBrowser {
  private final HttpClient http = HttpClient.newBuilder().build();
  private final String base;
  private final String cookie;

  AgentBrowser(int port, HttpApi signedIn) {
    this.base = "http://localhost:" + port;
    this.cookie =
        "SESSION="
            + signedIn
                .cookie("SESSION")
                .orElseThrow(() -> new IllegalStateException("sign-in set no SESSION cookie"));
  }

  /** The body of a 200 answer; anything else fails the run. */
  byte[] get(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body()));
    }
    return response.body();
  }
}
