package dev.tempodesk.fakes.nylas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare JDK HTTP client for the fake, so tests see exactly the wire format. */
final class NylasHttp {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String apiKey;

  NylasHttp(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  record Response(int status, HttpResponse<String> raw) {
    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }
  }

  Response get(String pathAndQuery) {
    return send(authorized(pathAndQuery).GET());
  }

  Response getWithoutAuth(String pathAndQuery, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.GET());
  }

  Response send(String grantId, String json, String idempotencyKey) {
    HttpRequest.Builder request =
        authorized("/v3/grants/" + grantId + "/messages/send")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  /** A send with any body, e.g. multipart/form-data. */
  Response send(String grantId, String contentType, byte[] body, String idempotencyKey) {
    HttpRequest.Builder request =
        authorized("/v3/grants/" + grantId + "/messages/send")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  Response post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder authorized(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
