package dev.tempodesk.fakes.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted one-shot replies per route and the request log, for clients' own tests. */
class FakeNylasScriptsTest {
  static final String KEY = "nyk-test";
  static final String GRANT = "grant-abc-123";
  static final String MESSAGE = "/v3/grants/" + GRANT + "/messages/msg-1001";

  FakeNylasServer server;
  NylasHttp http;

  @BeforeEach
  void start() {
    server = FakeNylasServer.start(KEY, "app", FaultPlan.none());
    server.addGrant(GRANT, "sam@ourco.example");
    http = new NylasHttp(server.baseUrl(), KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void scriptedRepliesAreGivenVerbatimOnceEachInOrderThenTheFakeAnswersAgain() {
    String rateLimited =
        "{\"request_id\":\"req-429\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"x\"}}";
    server.script(
        "GET",
        "/v3/grants/" + GRANT + "/folders",
        ScriptedReply.json(429, rateLimited)
            .withHeader("Retry-After", "Wed, 01 Jan 2025 00:00:05 GMT"),
        ScriptedReply.text(502, "text/html", "<html>502 Bad Gateway</html>")
            .withHeader("x-request-id", "req-proxy"));
    assertThat(server.scriptedRepliesLeft()).isEqualTo(2);
    assertThat(server.requests()).isEmpty();

    NylasHttp.Response first = http.get("/v3/grants/" + GRANT + "/folders");
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.body()).isEqualTo(rateLimited);
    assertThat(first.header("Content-Type")).isEqualTo("application/json");
    assertThat(first.header("Retry-After")).isEqualTo("Wed, 01 Jan 2025 00:00:05 GMT");
    assertThat(first.header("x-request-id")).as("nothing is added").isNull();

    NylasHttp.Response second = http.get("/v3/grants/" + GRANT + "/folders");
    assertThat(second.status()).isEqualTo(502);
    assertThat(second.header("Content-Type")).isEqualTo("text/html");
    assertThat(second.header("x-request-id")).isEqualTo("req-proxy");
    assertThat(second.body()).isEqualTo("<html>502 Bad Gateway</html>");

    server.script(
        "GET",
        "/v3/grants/" + GRANT + "/folders",
        ScriptedReply.of(200, "<html>Sign in</html>").withHeader("x-request-id", "req-captive"));
    NylasHttp.Response bare = http.get("/v3/grants/" + GRANT + "/folders");
    assertThat(bare.body()).isEqualTo("<html>Sign in</html>");
    assertThat(bare.header("Content-Type")).isNull();
    assertThat(bare.header("x-request-id")).isEqualTo("req-captive");

    NylasHttp.Response own = http.get("/v3/grants/" + GRANT + "/folders");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("data").size()).isPositive();
    assertThat(server.scriptedRepliesLeft()).isZero();
  }

  @Test
  void aScriptedReplyComesBeforeTheKeyCheckFaultsAndStateAndTouchesNone() {
    server.failNextRequests(1, 503);
    server.script("POST", "/v3/grants/*/messages/send", ScriptedReply.json(200, "{\"ok\":1}"));
    NylasHttp wrongKey = new NylasHttp(server.baseUrl(), "wrong-key");
    String send = "{\"to\":[{\"email\":\"dana@client.example\"}],\"body\":\"x\"}";

    NylasHttp.Response scripted = wrongKey.send(GRANT, send, "k1");
    NylasHttp.Response own = wrongKey.send(GRANT, send, "k1");

    assertThat(scripted.status()).isEqualTo(200);
    assertThat(scripted.body()).isEqualTo("{\"ok\":1}");
    assertThat(own.status()).as("the fake's own answers are back").isEqualTo(401);
    assertThat(server.sent(GRANT)).as("the scripted send reached no mailbox").isEmpty();
    assertThat(server.faultCounts()).as("the forced failure is still due").isEmpty();
    assertThat(http.send(GRANT, send, "k1").status()).isEqualTo(503);
    assertThat(http.send(GRANT, send, "k1").status())
        .as("the key kept the fake's own answer, not the scripted one")
        .isEqualTo(503);
  }

  @Test
  void routesMatchDecodedSegmentsAndWildcardsButNotOtherMethodsOrPaths() {
    server.script(
        "GET", "/v3/grants/sam%40ourco.example/messages/a%2Fb", ScriptedReply.of(204, ""));
    server.script("GET", "/v3/grants/*/threads/*", ScriptedReply.of(205, ""));
    server.script("POST", "/v3/connect/token", ScriptedReply.json(400, "{\"error\":\"x\"}"));

    assertThat(http.get("/v3/grants/sam@ourco.example/messages/a%2Fb").status()).isEqualTo(204);
    assertThat(http.get("/v3/grants/" + GRANT + "/threads/a").status())
        .as("* matches one segment")
        .isEqualTo(205);
    assertThat(http.get("/v3/connect/token").status()).as("other method").isEqualTo(404);
    assertThat(http.get("/v3/grants/" + GRANT + "/threads").status())
        .as("one segment short")
        .isEqualTo(404);
    assertThat(server.scriptedRepliesLeft()).isEqualTo(1);
    assertThat(http.post("/v3/connect/token", "application/json", "{}").status()).isEqualTo(400);
    server.script("GET", MESSAGE, ScriptedReply.of(204, ""));
    server.clearScripts();
    assertThat(server.scriptedRepliesLeft()).isZero();
  }

  @Test
  void rejectsMalformedScripts() {
    assertThatThrownBy(() -> server.script("get", MESSAGE, ScriptedReply.of(200, "")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.script("GET", "v3/grants", ScriptedReply.of(200, "")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScriptedReply.of(42, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScriptedReply.of(200, "").delayedBy(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDelayedReplyOutlastsAClientTimeoutAndClosingCutsItShort() throws Exception {
    server.script("GET", MESSAGE, ScriptedReply.json(200, "{}").delayedBy(Duration.ofSeconds(30)));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + MESSAGE))
            .timeout(Duration.ofMillis(200))
            .build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(server.requestCount()).isEqualTo(1);

    long started = System.nanoTime();
    server.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void recordsEveryRequestAsSentWithHeadersQueryAndBody() throws IOException {
    http.get("/v3/grants/sam%40ourco.example/messages/AAMkAD%2Fx%2By%3Dz?limit=2&in=INBOX&in=x+y");
    server.script("POST", "/v3/connect/token", ScriptedReply.json(200, "{}"));
    http.post("/v3/connect/token", "application/json", "{\"code\":\"c-1\"}");

    List<RecordedRequest> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(server.requestCount()).isEqualTo(2);

    RecordedRequest get = requests.getFirst();
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.target())
        .isEqualTo(
            "/v3/grants/sam%40ourco.example/messages/AAMkAD%2Fx%2By%3Dz?limit=2&in=INBOX&in=x+y");
    assertThat(get.path()).isEqualTo("/v3/grants/sam%40ourco.example/messages/AAMkAD%2Fx%2By%3Dz");
    assertThat(get.pathSegments())
        .containsExactly("v3", "grants", "sam@ourco.example", "messages", "AAMkAD/x+y=z");
    assertThat(get.queryParameterNames()).containsExactly("limit", "in");
    assertThat(get.queryParameter("in")).isEqualTo("INBOX");
    assertThat(get.queryParameters().get("in")).containsExactly("INBOX", "x y");
    assertThat(get.queryParameter("page_token")).isNull();
    assertThat(get.header("authorization")).isEqualTo("Bearer " + KEY);
    assertThat(get.header("AUTHORIZATION")).isEqualTo("Bearer " + KEY);
    assertThat(get.header("Idempotency-Key")).isNull();
    assertThat(get.bodyText()).isEmpty();

    RecordedRequest post = requests.get(1);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.query()).isNull();
    assertThat(post.queryParameterNames()).isEmpty();
    assertThat(post.header("Content-Type")).isEqualTo("application/json");
    assertThat(post.bodyText()).isEqualTo("{\"code\":\"c-1\"}");
  }

  @Test
  void theRecordedBodyIsStillReadByTheFakeItself() {
    NylasHttp.Response sent =
        http.send(GRANT, "{\"to\":[{\"email\":\"dana@client.example\"}],\"body\":\"x\"}", "k1");

    assertThat(sent.status()).isEqualTo(200);
    assertThat(server.sent(GRANT)).hasSize(1);
    assertThat(server.requests().getFirst().bodyText()).contains("dana@client.example");
    assertThat(server.requests().getFirst().header("Idempotency-Key")).isEqualTo("k1");
  }

  @Test
  void keepsOnlyTheLastRequestsButCountsThemAll() {
    server.keepRequests(2);
    for (int i = 0; i < 5; i++) {
      http.get("/v3/grants/" + GRANT + "/folders?n=" + i);
    }

    assertThat(server.requestCount()).isEqualTo(5);
    assertThat(server.requests()).extracting(r -> r.queryParameter("n")).containsExactly("3", "4");
    server.keepRequests(0);
    http.get("/v3/grants/" + GRANT + "/folders");
    assertThat(server.requests()).isEmpty();
    assertThat(server.requestCount()).isEqualTo(6);
    assertThatThrownBy(() -> server.keepRequests(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
