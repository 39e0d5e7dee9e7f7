package dev.tempodesk.fakes.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeNylasFaultsTest {
  static final String KEY = "nyk-test";
  static final String GRANT = "grant-abc-123";

  FakeNylasServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  NylasHttp start(FaultPlan faults) {
    server = FakeNylasServer.start(KEY, "app", faults);
    server.addGrant(GRANT, "sam@ourco.example");
    return new NylasHttp(server.baseUrl(), KEY);
  }

  List<String> inject(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InboundEmail mail = InboundEmail.of("C" + i, "c" + i + "@client.example", "s" + i, "b" + i);
      ids.add(server.receiveAt(GRANT, mail, 1_735_600_000L + i).id());
    }
    return ids;
  }

  static FaultPlan everything(long seed) {
    return FaultPlan.seeded(seed)
        .internalErrors(0.05)
        .badGateways(0.04)
        .gatewayTimeouts(0.03)
        .rateLimits(0.06, 2)
        .slowResponses(0.05, Duration.ofMillis(2))
        .duplicatedPages(0.2)
        .reorderedPages(0.25);
  }

  @Test
  void eachFaultOccursAtItsRateAndLooksLikeTheReference() {
    NylasHttp http = start(everything(42));
    inject(30);
    Map<Integer, Integer> statuses = new LinkedHashMap<>();
    int cursorPages = 0;
    int multiItemPages = 0;
    String cursor = null;
    for (int i = 0; i < 1000; i++) {
      String query = "?limit=4" + (cursor == null ? "" : "&page_token=" + cursor);
      NylasHttp.Response r = http.get("/v3/grants/" + GRANT + "/messages" + query);
      statuses.merge(r.status(), 1, Integer::sum);
      switch (r.status()) {
        case 200 -> {
          cursorPages += cursor == null ? 0 : 1;
          multiItemPages += r.json().get("data").size() > 1 ? 1 : 0;
          JsonNode next = r.json().get("next_cursor");
          cursor = next == null || next.isNull() ? null : next.asString();
        }
        case 429 -> {
          assertThat(r.header("Retry-After")).isEqualTo("2");
          assertThat(r.json().get("error").get("type").asString()).isEqualTo("rate_limit_error");
        }
        case 500 ->
            assertThat(r.json().get("error").get("type").asString())
                .isEqualTo("api.internal_error");
        case 502 -> {
          assertThat(r.header("Content-Type")).startsWith("text/html");
          assertThat(r.body()).contains("502 Bad Gateway");
        }
        case 504 ->
            assertThat(r.json().get("error").get("message").asString())
                .isEqualTo("Provider request timed out.");
        default -> throw new AssertionError("unexpected status " + r.status());
      }
    }
    Map<FaultKind, Long> counts = server.faultCounts();
    assertThat(statuses.get(500)).isEqualTo(counts.get(FaultKind.INTERNAL_ERROR).intValue());
    assertThat(statuses.get(502)).isEqualTo(counts.get(FaultKind.BAD_GATEWAY).intValue());
    assertThat(statuses.get(504)).isEqualTo(counts.get(FaultKind.GATEWAY_TIMEOUT).intValue());
    assertThat(statuses.get(429)).isEqualTo(counts.get(FaultKind.RATE_LIMITED).intValue());
    assertThat(rate(counts, FaultKind.INTERNAL_ERROR, 1000)).isCloseTo(0.05, within(0.02));
    assertThat(rate(counts, FaultKind.BAD_GATEWAY, 1000)).isCloseTo(0.04, within(0.02));
    assertThat(rate(counts, FaultKind.GATEWAY_TIMEOUT, 1000)).isCloseTo(0.03, within(0.015));
    assertThat(rate(counts, FaultKind.RATE_LIMITED, 1000)).isCloseTo(0.06, within(0.02));
    assertThat(rate(counts, FaultKind.SLOW_RESPONSE, 1000)).isCloseTo(0.05, within(0.02));
    // Page faults are drawn per page that can show them: a duplicate needs a previous page.
    assertThat(rate(counts, FaultKind.DUPLICATED_PAGE, cursorPages)).isCloseTo(0.2, within(0.05));
    assertThat(rate(counts, FaultKind.REORDERED_PAGE, multiItemPages))
        .isCloseTo(0.25, within(0.05));
  }

  private static double rate(Map<FaultKind, Long> counts, FaultKind kind, int of) {
    return counts.getOrDefault(kind, 0L) / (double) of;
  }

  @Test
  void failNextRequestsIsDeterministic() {
    NylasHttp http = start(FaultPlan.none());
    server.failNextRequests(2, 503);
    assertThat(http.get("/v3/grants/" + GRANT + "/folders").status()).isEqualTo(503);
    assertThat(http.get("/v3/grants/" + GRANT + "/folders").status()).isEqualTo(503);
    assertThat(http.get("/v3/grants/" + GRANT + "/folders").status()).isEqualTo(200);
    server.failNextRequests(1, 429);
    NylasHttp.Response limited = http.get("/v3/grants/" + GRANT + "/messages");
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(server.faultCounts()).containsEntry(FaultKind.FORCED_FAILURE, 3L);
    String send = "{\"to\":[{\"email\":\"dana@client.example\"}],\"body\":\"x\"}";
    server.failNextRequests(1, 500);
    assertThat(http.send(GRANT, send, "k1").status()).isEqualTo(500);
    assertThat(http.send(GRANT, send, "k2").status()).isEqualTo(200);
    assertThat(server.sent(GRANT)).hasSize(1);
  }

  @Test
  void slowNextResponsesSlowsExactlyTheNextRequests() {
    NylasHttp http = start(FaultPlan.none());
    server.faults().slowNextResponses(2, Duration.ofMillis(400));
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      assertThat(http.get("/v3/grants/" + GRANT + "/folders").status()).isEqualTo(200);
      millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    assertThat(millis.get(0)).isGreaterThanOrEqualTo(400);
    assertThat(millis.get(1)).isGreaterThanOrEqualTo(400);
    // the third is not delayed: exactly two slow answers were served
    assertThat(server.faultCounts()).containsEntry(FaultKind.SLOW_RESPONSE, 2L);
  }

  static final String SEND = "{\"to\":[{\"email\":\"dana@client.example\"}],\"body\":\"x\"}";

  @Test
  void anInjectedErrorOnAKeyedSendIsNylasAnswerAndReplayedForAnHour() {
    NylasHttp http = start(FaultPlan.none());
    for (int status : new int[] {500, 503, 504, 429, 422}) {
      server.failNextRequests(1, status);
      String key = "k-" + status;
      NylasHttp.Response first = http.send(GRANT, SEND, key);
      assertThat(first.status()).isEqualTo(status);
      assertThat(first.header("Idempotent-Response")).isNull();

      NylasHttp.Response retried = http.send(GRANT, SEND, key);
      assertThat(retried.status()).as("a retry under the same key").isEqualTo(status);
      assertThat(retried.header("Idempotent-Response")).isEqualTo("true");
      assertThat(retried.body()).isEqualTo(first.body());
    }
    assertThat(server.sent(GRANT)).as("the provider was never contacted").isEmpty();
    assertThat(server.faultCounts()).containsEntry(FaultKind.FORCED_FAILURE, 5L);

    NylasHttp.Response fresh = http.send(GRANT, SEND, "k-new");
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(server.sent(GRANT)).hasSize(1);
  }

  @Test
  void aBadGatewayOnASendIsALostAnswerTheKeyKeepsTheRealOutcome() {
    NylasHttp http = start(FaultPlan.none());
    server.failNextRequests(1, 502);
    NylasHttp.Response lost = http.send(GRANT, SEND, "k1");
    assertThat(lost.status()).isEqualTo(502);
    assertThat(server.sent(GRANT)).as("the mail went out all the same").hasSize(1);

    NylasHttp.Response replay = http.send(GRANT, SEND, "k1");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Response")).isEqualTo("true");
    assertThat(replay.json().get("data").get("id").asString())
        .isEqualTo(server.sent(GRANT).getFirst().id());
    assertThat(server.sent(GRANT)).hasSize(1);
  }

  @Test
  void aLostSendAnswerIsAnErrorNylasAnsweredAfterTheMailWentOut() {
    NylasHttp http = start(FaultPlan.none());
    server.faults().loseNextSendAnswers(1, 504);
    assertThat(http.send(GRANT, SEND, "k1").status()).isEqualTo(504);
    NylasHttp.Response replay = http.send(GRANT, SEND, "k1");
    assertThat(replay.status()).isEqualTo(504);
    assertThat(replay.header("Idempotent-Response")).isEqualTo("true");
    assertThat(server.sent(GRANT)).hasSize(1);
  }

  @Test
  void aSecondRequestWhileTheFirstIsInFlightGets409ConcurrentThenTheReplay() throws Exception {
    NylasHttp http = start(FaultPlan.seeded(1).slowResponses(1, Duration.ofMillis(1500)));
    var first =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> http.send(GRANT, SEND, "k1"));
    Thread.sleep(300);
    NylasHttp.Response concurrent = http.send(GRANT, SEND, "k1");
    assertThat(concurrent.status()).isEqualTo(409);
    assertThat(concurrent.json().get("error").get("type").asString())
        .isEqualTo("api.concurrent_idempotent_request");
    assertThat(first.get().status()).isEqualTo(200);

    NylasHttp.Response replay = http.send(GRANT, SEND, "k1");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Response")).isEqualTo("true");
    assertThat(server.sent(GRANT)).hasSize(1);
  }

  @Test
  void aClientThatRetriesAndDedupesSeesEveryMessageOnce() {
    NylasHttp http = start(everything(2025));
    List<String> injected = new ArrayList<>(inject(97));
    List<JsonNode> delivered = new ArrayList<>();
    walk(http, "", delivered, () -> injected.add(receiveNow().id()));
    long newest = delivered.stream().mapToLong(m -> m.get("date").asLong()).max().orElseThrow();
    // The catch-up pass of reference §7: received_after the newest date seen, overlapping.
    walk(http, "&received_after=" + newest, delivered, () -> {});

    Set<String> seen = new HashSet<>();
    delivered.forEach(m -> seen.add(m.get("id").asString()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(injected);
    assertThat(delivered.size()).isGreaterThan(injected.size());
    assertThat(server.faultCounts().keySet())
        .contains(FaultKind.DUPLICATED_PAGE, FaultKind.REORDERED_PAGE, FaultKind.RATE_LIMITED);
  }

  private FakeMessage receiveNow() {
    return server.receive(GRANT, InboundEmail.of("Late", "late@client.example", "late", "x"));
  }

  /** Pages through the list, retrying every non-200, calling {@code between} after each page. */
  private static void walk(
      NylasHttp http, String filters, List<JsonNode> delivered, Runnable between) {
    String cursor = null;
    do {
      String query = "?limit=10" + filters + (cursor == null ? "" : "&page_token=" + cursor);
      NylasHttp.Response r;
      do {
        r = http.get("/v3/grants/" + GRANT + "/messages" + query);
      } while (r.status() != 200);
      r.json().get("data").forEach(delivered::add);
      JsonNode next = r.json().get("next_cursor");
      cursor = next == null || next.isNull() ? null : next.asString();
      between.run();
    } while (cursor != null);
  }
}
