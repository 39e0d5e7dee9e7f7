package dev.tempodesk.fakes.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeNylasAuthAndWebhookTest {
  static final String KEY = "nyk-test";
  static final String APP = "app-test-0001";

  static final String REFERENCE_BODY = NylasReferenceVector.BODY;
  static final String REFERENCE_SIGNATURE = NylasReferenceVector.SIGNATURE;

  final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_735_689_700L));
  FakeNylasServer server;
  NylasHttp http;

  @BeforeEach
  void start() {
    server = FakeNylasServer.start(KEY, APP, FaultPlan.none(), clock);
    http = new NylasHttp(server.baseUrl(), KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void signatureMatchesTheReferenceVector() {
    byte[] body = REFERENCE_BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(body).hasSize(629);
    assertThat(WebhookSignature.sign(body, "whsec-test-0123456789")).isEqualTo(REFERENCE_SIGNATURE);
    assertThat(WebhookSignature.verify(body, "whsec-test-0123456789", REFERENCE_SIGNATURE))
        .isTrue();
    String flipped = "1" + REFERENCE_SIGNATURE.substring(1);
    assertThat(WebhookSignature.verify(body, "whsec-test-0123456789", flipped)).isFalse();
    assertThat(WebhookSignature.verify(body, "whsec-test-0123456789", null)).isFalse();
  }

  @Test
  void notificationsSerialiseExactlyLikeTheReferenceFixture() {
    FakeMessage message =
        new FakeMessage(
            1001,
            "msg-1001",
            "grant-abc-123",
            "thr-0055",
            "Re: Quote request",
            List.of(new Participant("Dana Client", "dana@client.example")),
            List.of(new Participant("Sam Agent", "sam@ourco.example")),
            List.of(),
            List.of(),
            List.of(),
            1_735_689_690L,
            "<p>Sounds good, thanks.</p>",
            List.of("INBOX", "UNREAD"),
            true,
            List.of(new FakeMessage.Header("Message-ID", "<x@y>")),
            List.of());
    try (WebhookSender sender =
        new WebhookSender("http://127.0.0.1:9/", "s", APP, clock, Duration.ofSeconds(1))) {
      byte[] body = sender.notification("evt-7f3a9c01", message, 1);
      assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REFERENCE_BODY);
    }
  }

  @Test
  void webhookIsSignedAndRetriedUntil200() throws Exception {
    BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    AtomicInteger posts = new AtomicInteger();
    HttpServer hook =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext(
        "/hooks/nylas",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          byte[] answer = new byte[0];
          int status;
          if ("GET".equals(exchange.getRequestMethod())) {
            answer = query.substring("challenge=".length()).getBytes(StandardCharsets.UTF_8);
            status = 200;
          } else {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Nylas-Signature");
            received.add(new String[] {new String(body, StandardCharsets.UTF_8), signature});
            status = posts.incrementAndGet() == 1 ? 500 : 200;
          }
          exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    hook.start();
    try {
      String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hooks/nylas";
      server.addGrant("grant-1", "sam@ourco.example");
      server.enableWebhooks(url, "whsec-1", Duration.ofMillis(50));
      assertThat(server.verifyWebhookEndpoint()).isTrue();
      FakeMessage m =
          server.receive("grant-1", InboundEmail.of("Dana", "dana@client.example", "Hi", "Hello"));

      String[] first = received.poll(10, TimeUnit.SECONDS);
      String[] second = received.poll(10, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(second).isNotNull();
      for (String[] delivery : List.of(first, second)) {
        byte[] body = delivery[0].getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(body, "whsec-1", delivery[1])).isTrue();
      }
      JsonNode a = NylasHttp.JSON.readTree(first[0]);
      JsonNode b = NylasHttp.JSON.readTree(second[0]);
      assertThat(a.get("type").asString()).isEqualTo("message.created");
      assertThat(a.get("webhook_delivery_attempt").asInt()).isEqualTo(1);
      assertThat(b.get("webhook_delivery_attempt").asInt()).isEqualTo(2);
      assertThat(b.get("id").asString()).isEqualTo(a.get("id").asString());
      assertThat(a.get("data").get("application_id").asString()).isEqualTo(APP);
      JsonNode object = a.get("data").get("object");
      assertThat(object.get("id").asString()).isEqualTo(m.id());
      assertThat(object.get("grant_id").asString()).isEqualTo("grant-1");
      assertThat(object.has("headers")).isFalse();
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(server.webhookDeliveries())
          .extracting(WebhookDelivery::attempt, WebhookDelivery::status)
          .containsExactly(tuple(1, 500), tuple(2, 200));

      http.send("grant-1", "{\"to\":[{\"email\":\"dana@client.example\"}],\"body\":\"x\"}", null);
      JsonNode sent = NylasHttp.JSON.readTree(received.poll(10, TimeUnit.SECONDS)[0]);
      assertThat(sent.get("data").get("object").get("folders").get(0).asString()).isEqualTo("SENT");
    } finally {
      hook.stop(0);
    }
  }

  @Test
  void hostedAuthCodesAreSingleUse() {
    String redirect = "http://localhost:8080/oauth/callback";
    String location = authorize("&login_hint=new%40ourco.example&access_type=offline&state=xyz");
    assertThat(location).startsWith(redirect + "?code=").endsWith("&state=xyz");
    String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));

    String exchange =
        "{\"client_id\":\""
            + APP
            + "\",\"client_secret\":\""
            + KEY
            + "\",\"grant_type\":\"authorization_code\",\"code\":\""
            + code
            + "\",\"redirect_uri\":\""
            + redirect
            + "\"}";
    NylasHttp.Response token = http.post("/v3/connect/token", "application/json", exchange);
    assertThat(token.status()).isEqualTo(200);
    JsonNode json = token.json();
    assertThat(json.has("data")).isFalse();
    assertThat(json.get("email").asString()).isEqualTo("new@ourco.example");
    assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(json.get("refresh_token").asString()).startsWith("rt-");
    String grantId = json.get("grant_id").asString();
    JsonNode grant = http.get("/v3/grants/" + grantId).json().get("data");
    assertThat(grant.get("state").asString()).isEqualTo("xyz");

    NylasHttp.Response reused = http.post("/v3/connect/token", "application/json", exchange);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");
    assertThat(reused.json().get("error_description").asString()).isEqualTo("code already used");

    String again = authorize("&login_hint=new%40ourco.example");
    String form =
        "client_id="
            + APP
            + "&client_secret="
            + KEY
            + "&grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Foauth%2Fcallback&code="
            + again.substring(again.indexOf("code=") + 5);
    NylasHttp.Response second =
        http.post("/v3/connect/token", "application/x-www-form-urlencoded", form);
    assertThat(second.json().get("grant_id").asString()).isEqualTo(grantId);
    assertThat(second.json().has("refresh_token")).isFalse();

    String demo = authorize("");
    String demoCode = demo.substring(demo.indexOf("code=") + 5);
    JsonNode demoToken =
        http.post("/v3/connect/token", "application/json", exchange.replace(code, demoCode)).json();
    assertThat(demoToken.get("email").asString()).isEqualTo(FakeNylasServer.DEFAULT_LOGIN_EMAIL);
    assertThat(
            http.post("/v3/connect/token", "application/json", exchange.replace(KEY, "bad"))
                .status())
        .isEqualTo(401);
    assertThat(http.getWithoutAuth(authorizePath("").replace(APP, "other"), null).status())
        .isEqualTo(400);
    assertThat(
            http.getWithoutAuth(authorizePath("").replace("=code", "=adminconsent"), null).status())
        .isEqualTo(400);
  }

  @Test
  void aRevokedGrantAnswers401UntilItsAddressAuthenticatesAgain() {
    server.addGrant("grant-r", "help@ourco.example");
    server.receive("grant-r", InboundEmail.of("Dana", "dana@client.example", "Hi", "Hello"));
    assertThat(http.get("/v3/grants/grant-r/messages").status()).isEqualTo(200);

    server.revokeGrant("grant-r");

    NylasHttp.Response refused = http.get("/v3/grants/grant-r/messages");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().at("/error/type").asString()).isEqualTo("unauthorized");
    assertThat(http.get("/v3/grants/grant-r/folders").status()).isEqualTo(401);
    JsonNode grant = http.get("/v3/grants/grant-r").json().get("data");
    assertThat(grant.get("grant_status").asString()).isEqualTo("invalid");

    String location = authorize("&login_hint=help%40ourco.example");
    String code = location.substring(location.indexOf("code=") + 5);
    NylasHttp.Response token =
        http.post(
            "/v3/connect/token",
            "application/json",
            "{\"client_id\":\"%s\",\"client_secret\":\"%s\",\"grant_type\":\"authorization_code\",\"code\":\"%s\",\"redirect_uri\":\"http://localhost:8080/oauth/callback\"}"
                .formatted(APP, KEY, code));

    assertThat(token.json().get("grant_id").asString()).as("the same grant").isEqualTo("grant-r");
    assertThat(http.get("/v3/grants/grant-r/messages").json().get("data")).hasSize(1);
    assertThat(http.get("/v3/grants/grant-r").json().at("/data/grant_status").asString())
        .isEqualTo("valid");
  }

  @Test
  void anExpiredGrantIsAnnouncedWithASignedGrantExpiredNotification() throws Exception {
    BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    HttpServer hook =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext(
        "/hooks/nylas",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new String[] {
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("X-Nylas-Signature")
              });
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    hook.start();
    try {
      server.addGrant("grant-e", "help@ourco.example");
      server.enableWebhooks(
          "http://127.0.0.1:" + hook.getAddress().getPort() + "/hooks/nylas",
          "whsec-e",
          Duration.ofMillis(50));

      server.expireGrant("grant-e");

      String[] delivery = received.poll(10, TimeUnit.SECONDS);
      assertThat(delivery).isNotNull();
      JsonNode json = NylasHttp.JSON.readTree(delivery[0]);
      assertThat(json.get("type").asString()).isEqualTo("grant.expired");
      assertThat(json.get("source").asString()).isEqualTo("/nylas/system");
      assertThat(json.at("/data/object/grant_id").asString()).isEqualTo("grant-e");
      assertThat(json.at("/data/application_id").asString()).isEqualTo(APP);
      assertThat(
              WebhookSignature.verify(
                  delivery[0].getBytes(StandardCharsets.UTF_8), "whsec-e", delivery[1]))
          .isTrue();
      assertThat(http.get("/v3/grants/grant-e/messages").status()).isEqualTo(401);
      assertThat(server.webhookDeliveries())
          .singleElement()
          .satisfies(d -> assertThat(d.messageId()).isEqualTo("grant-e"));
    } finally {
      hook.stop(0);
    }
  }

  private String authorize(String extra) {
    NylasHttp.Response response = http.getWithoutAuth(authorizePath(extra), null);
    assertThat(response.status()).isEqualTo(302);
    return URI.create(response.header("Location")).toString();
  }

  private static String authorizePath(String extra) {
    return "/v3/connect/auth?client_id="
        + APP
        + "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Foauth%2Fcallback&response_type=code"
        + extra;
  }
}
