package dev.tempodesk.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every response carries the browser-hardening headers (API, web app, static files, errors), and
 * with an https PUBLIC_BASE_URL the cookies are Secure although the request itself (as behind a
 * TLS-terminating proxy) is plain http.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tempodesk.public-base-url=https://help.example.com")
@ActiveProfiles("test")
class BrowserHardeningIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final Pattern SCRIPT =
      Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  private static void assertHardened(String what, Response response) {
    String csp = response.header("Content-Security-Policy");
    assertThat(csp).as("%s: Content-Security-Policy", what).isNotNull();
    assertThat(directives(csp))
        .as("%s: Content-Security-Policy", what)
        .containsEntry("default-src", "'self'")
        .containsEntry("script-src", "'self'")
        .containsEntry("style-src", "'self' 'unsafe-inline'")
        .containsEntry("img-src", "'self' data: blob: https:")
        .containsEntry("object-src", "'none'")
        .containsEntry("frame-ancestors", "'none'")
        .containsEntry("base-uri", "'self'")
        .containsEntry("form-action", "'self'");
    assertThat(csp).as("%s: no inline script allowed", what).doesNotContain("unsafe-eval");
    assertThat(directives(csp).get("script-src")).doesNotContain("unsafe-inline");
    assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    assertThat(response.header("X-DNS-Prefetch-Control")).as(what).isEqualTo("off");
  }

  private static Map<String, String> directives(String csp) {
    Map<String, String> directives = new LinkedHashMap<>();
    for (String directive : csp.split(";")) {
      String[] parts = directive.strip().split("\\s+", 2);
      directives.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return directives;
  }

  @Test
  void shouldHardenApiWebAppAndErrorResponses() {
    HttpApi anonymous = HttpApi.anonymous(port);
    Response index = anonymous.get("/");
    String html = index.body().asString();
    Matcher script = SCRIPT.matcher(html);
    assertThat(script.find()).as("index.html loads the app: %s", html).isTrue();
    String asset = attribute(script.group(1), "src");

    Map<String, Response> responses = new LinkedHashMap<>();
    responses.put("the web app", index);
    responses.put("a client route of the web app", anonymous.get("/tickets/1002"));
    responses.put("the app's script", anonymous.get(asset));
    responses.put("GET /api/auth/csrf", anonymous.get("/api/auth/csrf"));
    responses.put("the OpenAPI document", anonymous.get("/v3/api-docs"));
    responses.put("health", anonymous.get("/actuator/health"));
    responses.put("401 without a session", anonymous.get("/api/tickets"));
    responses.put(
        "403 without the CSRF header", anonymous.postWithoutCsrfHeader("/api/auth/login", "{}"));
    responses.put("404 of a missing file", anonymous.get("/assets/missing.js"));
    SignIn signIn = signIn();
    String session = signIn.session();
    responses.put("400 of a bad sign-in body", post("/api/auth/login", "{\"email\":", signIn));
    responses.put("a signed-in API call", get("/api/tickets", session));
    responses.put("404 of an unknown ticket", get("/api/tickets/999999", session));

    assertThat(responses.get("the app's script").status()).isEqualTo(200);
    assertThat(responses.get("401 without a session").status()).isEqualTo(401);
    assertThat(responses.get("403 without the CSRF header").status()).isEqualTo(403);
    assertThat(responses.get("404 of a missing file").status()).isEqualTo(404);
    assertThat(responses.get("400 of a bad sign-in body").status()).isEqualTo(400);
    assertThat(responses.get("a signed-in API call").status()).isEqualTo(200);
    assertThat(responses.get("404 of an unknown ticket").status()).isEqualTo(404);
    responses.forEach(BrowserHardeningIntegrationTest::assertHardened);
  }

  @Test
  void shouldServeAWebAppWithoutInlineScript() {
    // script-src 'self' would block an inline script; the Vite build must have none
    String html = HttpApi.anonymous(port).get("/").body().asString();
    Matcher script = SCRIPT.matcher(html);
    int scripts = 0;
    while (script.find()) {
      scripts++;
      assertThat(attribute(script.group(1), "src")).as("<script%s>", script.group(1)).isNotBlank();
    }
    assertThat(scripts).isPositive();
    assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
  }

  @Test
  void shouldMakeTheCookiesSecureUnderAnHttpsBaseUrl() {
    SignIn signIn = signIn();

    assertThat(signIn.sessionCookie())
        .contains("; Secure")
        .contains("; HttpOnly")
        .contains("; SameSite=Lax");
    assertThat(signIn.csrfCookie()).contains("; Secure").doesNotContain("HttpOnly");
  }

  /**
   * The cookies a sign-in sets. A cookie jar keeps Secure cookies away from this plain-http test
   * server (as a browser would), so the cookies are handed on by hand, as the proxy's https would.
   */
  private record SignIn(String csrfCookie, String sessionCookie) {
    String session() {
      return sessionCookie.substring(0, sessionCookie.indexOf(';'));
    }
  }

  private SignIn signIn() {
    AgentsRecord agent = TestAccounts.of(app).agent("AGENT");
    String csrfCookie = setCookie(send(request("/api/auth/csrf").GET()), "XSRF-TOKEN");
    String csrf = csrfCookie.substring(0, csrfCookie.indexOf(';'));
    HttpResponse<String> login =
        post(
            "/api/auth/login",
            HttpApi.json(Map.of("email", agent.getEmail(), "password", TestAccounts.PASSWORD)),
            csrf);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return new SignIn(csrfCookie, setCookie(login, "SESSION"));
  }

  /** A JSON POST with the CSRF cookie and its header, as the web app sends it. */
  private HttpResponse<String> post(String path, String json, String csrf) {
    return send(
        request(path)
            .header("Cookie", csrf)
            .header(HttpApi.CSRF_HEADER, csrf.substring(csrf.indexOf('=') + 1))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Response post(String path, String json, SignIn signIn) {
    String csrf = signIn.csrfCookie().substring(0, signIn.csrfCookie().indexOf(';'));
    HttpResponse<String> response = post(path, json, csrf);
    return new Response(response.statusCode(), null, response);
  }

  private Response get(String path, String cookie) {
    HttpResponse<String> response = send(request(path).header("Cookie", cookie).GET());
    return new Response(response.statusCode(), null, response);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String setCookie(HttpResponse<String> response, String name) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    return cookies.stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
  }

  private static String attribute(String attributes, String name) {
    Matcher value =
        Pattern.compile("\\b" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
            .matcher(attributes);
    return value.find() ? value.group(1) : "";
  }
}
