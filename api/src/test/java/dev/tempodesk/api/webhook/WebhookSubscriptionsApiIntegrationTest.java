package dev.tempodesk.api.webhook;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.webhook.WebhookTargets;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/webhook-subscriptions} through HTTP: the secret shown once, the SSRF refusal and the
 * admin's exception to it, bad input named by field, the ENVIRONMENT subscription read-only but for
 * enabled, and a real ticket change dispatched into a delivery that the log shows and that can be
 * redelivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebhookSubscriptionsApiIntegrationTest {
  private static final String PATH = "/api/webhook-subscriptions";
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  /**
   * The SSRF rule with a resolver that needs no network: names under example.com are public
   * (93.184.215.14), every other name does not resolve.
   */
  @TestConfiguration
  static class PublicNames {
    @Bean
    @Primary
    WebhookTargets publicExampleNames() {
      return new WebhookTargets(
          List.of(),
          host -> {
            if (host.endsWith(".example.com")) {
              return List.of(InetAddress.getByName("93.184.215.14"));
            }
            throw new UnknownHostException(host);
          });
    }
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired DSLContext dsl;

  private HttpApi admin;
  private long adminId;

  @BeforeEach
  void signIn() {
    TestAccounts accounts = TestAccounts.of(app);
    var account = accounts.agent("ADMIN");
    adminId = account.getId();
    admin = TestAccounts.signIn(port, account.getEmail());
  }

  private static Map<String, Object> subscription(String url, String... types) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Receiver");
    body.put("url", url);
    body.put("eventTypes", List.of(types));
    return body;
  }

  @Test
  void shouldShowTheSecretOnlyWhenItIsMadeOrRotated() {
    Response created =
        admin.post(PATH, json(subscription("https://hooks.example.com/in", "ticket.created")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String secret = created.body().get("secret").asString();
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
    long id = created.body().get("subscription").get("id").asLong();
    assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);

    Response read = admin.get(PATH + "/" + id);
    assertThat(read.body().toString()).doesNotContain(secret);
    assertThat(read.body().get("secretHint").asString())
        .isEqualTo("…" + secret.substring(secret.length() - 4));
    assertThat(admin.get(PATH).body().toString()).doesNotContain(secret);

    Response rotated = admin.post(PATH + "/" + id + "/rotate-secret", "{}");
    assertThat(rotated.status()).isEqualTo(200);
    String next = rotated.body().get("secret").asString();
    assertThat(next).isNotEqualTo(secret);
    assertThat(
            dsl.fetchSingle("select secret from webhook_subscriptions where id = ?", id)
                .get(0, String.class))
        .isEqualTo(next);

    Map<String, Object> own = subscription("https://hooks.example.com/own", "sla.breached");
    own.put("secret", "my-own-secret-of-enough-length");
    Response withOwn = admin.post(PATH, json(own));
    assertThat(withOwn.body().get("secret").asString()).isEqualTo("my-own-secret-of-enough-length");
  }

  @Test
  void shouldRefuseInsideAddressesUnlessAnAdminAllowsPrivateNetworks() {
    for (String url :
        List.of(
            "http://127.0.0.1:9000/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://10.1.2.3/hook",
            "http://localhost/hook",
            "http://[::1]/hook",
            "ftp://hooks.example.com/in")) {
      Response refused = admin.post(PATH, json(subscription(url, "ticket.created")));
      assertThat(refused.status()).as(url).isEqualTo(400);
      assertThat(refused.problemField()).as(url).isEqualTo("url");
      assertThat(refused.body().get("detail").asString()).as(url).contains("refused");
    }

    Map<String, Object> allowed = subscription("http://127.0.0.1:9000/hook", "ticket.created");
    allowed.put("allowPrivateNetwork", true);
    Response created = admin.post(PATH, json(allowed));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().get("subscription").get("id").asLong();
    assertThat(created.body().get("subscription").get("allowPrivateNetwork").asBoolean()).isTrue();
    assertThat(
            dsl.fetchSingle(
                    "select private_network_allowed_by from webhook_subscriptions where id = ?", id)
                .get(0, Long.class))
        .isEqualTo(adminId);

    Response takenBack = admin.patch(PATH + "/" + id, "{\"allowPrivateNetwork\":false}");
    assertThat(takenBack.status()).isEqualTo(400);
    assertThat(takenBack.problemField()).isEqualTo("url");
  }

  @Test
  void shouldNameTheFieldOfBadInput() {
    assertField(
        admin.post(PATH, json(subscription("https://hooks.example.com/in", "ticket.exploded"))),
        400,
        "eventTypes");
    assertField(
        admin.post(PATH, json(subscription("https://hooks.example.com/in"))), 400, "eventTypes");
    assertField(
        admin.post(PATH, json(subscription("not a url at all", "ticket.created"))), 400, "url");
    Map<String, Object> body = subscription("https://hooks.example.com/in", "ticket.created");
    body.put("priorities", List.of("CRITICAL"));
    assertField(admin.post(PATH, json(body)), 400, "priorities");
    body = subscription("https://hooks.example.com/in", "ticket.created");
    body.put("groupIds", List.of(Long.MAX_VALUE));
    assertField(admin.post(PATH, json(body)), 422, "groupIds");
    body = subscription("https://hooks.example.com/in", "ticket.created");
    body.put("secret", "short");
    assertField(admin.post(PATH, json(body)), 400, "secret");
    body = subscription("https://hooks.example.com/in", "ticket.created");
    body.put("name", "n".repeat(81));
    assertField(admin.post(PATH, json(body)), 400, "name");
  }

  @Test
  void shouldStartTheFailureCountAfreshWhenEnabledAgain() {
    long id =
        admin
            .post(PATH, json(subscription("https://hooks.example.com/in", "ticket.created")))
            .body()
            .get("subscription")
            .get("id")
            .asLong();
    dsl.execute(
        "update webhook_subscriptions set enabled = false, consecutive_failures = 5,"
            + " disabled_at = now(), disabled_reason = 'The last 5 deliveries failed' where id = ?",
        id);
    JsonNode disabled = admin.get(PATH + "/" + id).body();
    assertThat(disabled.get("enabled").asBoolean()).isFalse();
    assertThat(disabled.get("disabledReason").asString()).contains("failed");

    JsonNode enabled = admin.patch(PATH + "/" + id, "{\"enabled\":true}").body();

    assertThat(enabled.get("enabled").asBoolean()).isTrue();
    assertThat(enabled.get("consecutiveFailures").asInt()).isZero();
    assertThat(enabled.get("disabledReason").isNull()).isTrue();
    assertThat(admin.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(204);
    assertThat(admin.get(PATH + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void shouldKeepTheEnvironmentSubscriptionReadOnlyButForEnabled() {
    long id =
        dsl.fetchSingle(
                "insert into webhook_subscriptions (name, url, secret, event_types, source,"
                    + " allow_private_network) values ('Notifications', 'http://127.0.0.1:9/n',"
                    + " 'an-environment-secret', array['notification'], 'ENVIRONMENT', true)"
                    + " on conflict (source) where source = 'ENVIRONMENT' do update set name ="
                    + " excluded.name returning id")
            .get(0, Long.class);
    assertThat(admin.get(PATH).body().toString()).contains("\"source\":\"ENVIRONMENT\"");
    assertField(
        admin.patch(PATH + "/" + id, "{\"url\":\"https://elsewhere.example.com\"}"), 409, "url");
    assertField(admin.send("DELETE", PATH + "/" + id, "application/json", ""), 409, "id");
    assertField(admin.post(PATH + "/" + id + "/rotate-secret", "{}"), 409, "id");

    Response disabled = admin.patch(PATH + "/" + id, "{\"enabled\":false}");
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
    admin.patch(PATH + "/" + id, "{\"enabled\":true}");
  }

  @Test
  void shouldDispatchARealTicketChangeIntoADeliveryTheLogShowsAndRedeliverIt() throws Exception {
    // Only loopback is ever posted to: the other tests' subscriptions get nothing from this ticket,
    // and this one posts to a loopback port nobody listens on (each attempt fails, and is logged).
    dsl.execute("update webhook_subscriptions set enabled = false");
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> local =
        subscription("http://127.0.0.1:" + closedPort + "/in", "ticket.created");
    local.put("allowPrivateNetwork", true);
    Response created = admin.post(PATH, json(local));
    long id = created.body().get("subscription").get("id").asLong();
    Response ticket =
        admin.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", "Webhook me",
                    "description", "Please",
                    "reporterEmail", "hook-reporter@example.com")));
    assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(201);
    long number = ticket.body().get("number").asLong();

    await(() -> admin.get(PATH + "/" + id + "/deliveries").body().get("items").size() == 1);
    JsonNode delivery = admin.get(PATH + "/" + id + "/deliveries").body().get("items").get(0);
    assertThat(delivery.get("eventType").asString()).isEqualTo("ticket.created");
    assertThat(delivery.get("ticketNumber").asLong()).isEqualTo(number);
    assertThat(delivery.get("eventId").asString()).startsWith("evt_");
    long deliveryId = delivery.get("id").asLong();
    await(
        () ->
            dsl.fetchSingle("select started_at from webhook_deliveries where id = ?", deliveryId)
                    .get(0, Object.class)
                != null);
    assertThat(
            dsl.fetchSingle(
                    "select payload #>> '{ticket,url}' from webhook_events e join webhook_deliveries d"
                        + " on d.event_id = e.id where d.id = ?",
                    deliveryId)
                .get(0, String.class))
        .endsWith("/tickets/" + number);

    Response again = admin.post(PATH + "/" + id + "/deliveries/" + deliveryId + "/redeliver", "{}");
    assertThat(again.status()).isEqualTo(202);
    long redelivery = again.body().get("deliveryId").asLong();
    await(() -> admin.get(PATH + "/" + id + "/deliveries").body().get("items").size() == 2);
    JsonNode newest = admin.get(PATH + "/" + id + "/deliveries?limit=1").body();
    assertThat(newest.get("items").get(0).get("id").asLong()).isEqualTo(redelivery);
    assertThat(newest.get("items").get(0).get("redeliveryOf").asLong()).isEqualTo(deliveryId);
    assertThat(newest.get("nextBefore").asLong()).isEqualTo(redelivery);
    assertThat(
            admin
                .get(PATH + "/" + id + "/deliveries?before=" + redelivery)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong())
        .isEqualTo(deliveryId);
    assertField(
        admin.post(PATH + "/" + id + "/deliveries/" + Long.MAX_VALUE + "/redeliver", "{}"),
        404,
        null);
    assertField(admin.get(PATH + "/" + id + "/deliveries?limit=0"), 400, "limit");
    assertField(admin.get(PATH + "/" + Long.MAX_VALUE + "/deliveries"), 404, null);
  }

  private static void assertField(Response response, int status, String field) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    if (field != null) {
      assertThat(response.problemField()).as(response.body().toString()).isEqualTo(field);
    }
  }
}
