package dev.tempodesk.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running app, so tests see exactly what a browser or curl sees. It
 * keeps cookies like a browser (the session, and XSRF-TOKEN), and echoes the CSRF cookie in the
 * X-XSRF-TOKEN header on state-changing calls, as the web app does.
 */
public final class HttpApi {
  public static final String CSRF_COOKIE = "XSRF-TOKEN";
  public static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CookieManager cookies;
  private final HttpClient http;
  private final String base;
  // The client address the app sees behind a proxy (X-Forwarded-For), or null for the socket's.
  private String forwardedFor;
  // An API token sent as Authorization: Bearer on every call (then no CSRF header), or null.
  private String bearer;

  private HttpApi(int port) {
    this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
  }

  private HttpApi(int port, CookieManager cookies) {
    this.base = "http://localhost:" + port;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies)
            .build();
  }

  /** The same browser (same cookies) talking to another instance of the app, e.g. a replica. */
  public HttpApi sameBrowserAt(int port) {
    return new HttpApi(port, cookies);
  }

  /**
   * A client that has not signed in, at this address as a trusted proxy reports it
   * (X-Forwarded-For; the app must run with {@code server.forward-headers-strategy=native}).
   */
  public static HttpApi anonymousFrom(int port, String clientAddress) {
    HttpApi api = new HttpApi(port);
    api.forwardedFor = clientAddress;
    return api;
  }

  /**
   * An integration calling with an API token: {@code Authorization: Bearer <secret>} on every call,
   * no CSRF header, and no cookies kept.
   */
  public static HttpApi withToken(int port, String secret) {
    HttpApi api = new HttpApi(port, new CookieManager(null, CookiePolicy.ACCEPT_NONE));
    api.bearer = secret;
    return api;
  }

  /** A client that has not signed in. */
  public static HttpApi anonymous(int port) {
    return new HttpApi(port);
  }

  /** A client signed in as this person; fails the test if the sign-in is refused. */
  public static HttpApi signedInAs(int port, String email, String password) {
    HttpApi api = new HttpApi(port);
    Response login = api.login(email, password);
    if (login.status() != 200) {
      throw new AssertionError(
          "Sign-in as " + email + " failed: " + login.status() + " " + login.body());
    }
    return api;
  }

  public record Response(int status, JsonNode body, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String problemField() {
      return body.path("field").asString(null);
    }

    public String problemType() {
      return body.path("type").asString(null);
    }
  }

  public Response login(String email, String password) {
    return post("/api/auth/login", json(Map.of("email", email, "password", password)));
  }

  public Response logout() {
    return post("/api/auth/logout", "");
  }

  /** A GET of a path of the app, or of an absolute URL (e.g. an OAuth redirect). */
  public Response get(String pathOrUrl) {
    return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
  }

  /** A GET whose body is kept as bytes (a download), with its headers. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A GET whose body is a stream (Server-Sent Events): answered as soon as the headers arrive; the
   * caller reads and closes the body. {@code headers} are name, value pairs (e.g. Last-Event-ID).
   */
  public HttpResponse<java.io.InputStream> stream(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A GET of a streaming endpoint for its status: an open event stream is closed at once (empty
   * body); any other answer (a ProblemDetail) is read like {@link #get}'s.
   */
  public Response openStream(String path) {
    HttpResponse<java.io.InputStream> response = stream(path);
    try (java.io.InputStream body = response.body()) {
      boolean events =
          response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
      String text =
          events ? "" : new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new Response(response.statusCode(), parse(text), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response post(String path, String json) {
    return send(withJson(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST with one extra header (e.g. Idempotency-Key). */
  public Response post(String path, String json, String header, String value) {
    return send(
        withJson(path).header(header, value).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON POST with extra headers (e.g. Idempotency-Key). */
  public Response post(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request = withJson(path).POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request);
  }

  public Response patch(String path, String json) {
    return send(withJson(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, String json) {
    return send(withJson(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response send(String method, String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any method with raw bytes as the body (e.g. invalid UTF-8); no Content-Type when null. */
  public Response sendBytes(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** A POST as a forged cross-site form would send it: cookies, but no CSRF header. */
  public Response postWithoutCsrfHeader(String path, String json) {
    return exchange(withJson(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().get(URI.create(base)).stream()
        .filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private HttpRequest.Builder withJson(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
  }

  private Response send(HttpRequest.Builder request) {
    HttpRequest probe = request.copy().build();
    boolean changesState = !probe.method().equals("GET") && !probe.method().equals("HEAD");
    if (changesState && bearer == null && probe.uri().toString().startsWith(base)) {
      request.header(CSRF_HEADER, csrfToken());
    }
    return exchange(request);
  }

  private String csrfToken() {
    return cookie(CSRF_COOKIE)
        .orElseGet(
            () -> {
              exchange(HttpRequest.newBuilder(uri("/api/auth/csrf")).GET());
              return cookie(CSRF_COOKIE)
                  .orElseThrow(() -> new AssertionError("GET /api/auth/csrf set no XSRF-TOKEN"));
            });
  }

  private Response exchange(HttpRequest.Builder request) {
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = parse(response.body());
      return new Response(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    if (body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return JSON.getNodeFactory().stringNode(body);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
