package dev.tempodesk.fakes.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeNylasServerTest {
  static final String KEY = "nyk-test";
  static final String GRANT = "grant-abc-123";
  static final String ME = "sam@ourco.example";

  final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  FakeNylasServer server;
  NylasHttp http;

  @BeforeEach
  void start() {
    server = FakeNylasServer.start(KEY, "app-test-0001", FaultPlan.seeded(7), clock);
    server.addGrant(GRANT, ME);
    http = new NylasHttp(server.baseUrl(), KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  FakeMessage inbound(String subject, long date) {
    return server.receiveAt(
        GRANT, InboundEmail.of("Dana Client", "dana@client.example", subject, "<p>hi</p>"), date);
  }

  @Test
  void pagesWalkEveryMessageOnceNewestFirstWhileNewMailArrives() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 23; i++) {
      // Pairs share a second, so the keyset must break ties.
      expected.add(inbound("m" + i, 1_735_600_000L + i / 2).id());
    }
    List<JsonNode> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String query = "?limit=5" + (cursor == null ? "" : "&page_token=" + cursor);
      NylasHttp.Response page = http.get("/v3/grants/" + GRANT + "/messages" + query);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("x-request-id")).isEqualTo(page.json().get("request_id").asString());
      page.json().get("data").forEach(seen::add);
      JsonNode next = page.json().get("next_cursor");
      cursor = next == null || next.isNull() ? null : next.asString();
      server.receive(GRANT, InboundEmail.of("New", "new@client.example", "late", "x"));
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(5);
    assertThat(seen).extracting(m -> m.get("id").asString()).doesNotHaveDuplicates();
    assertThat(seen.stream().map(m -> m.get("id").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
    List<Long> dates = seen.stream().map(m -> m.get("date").asLong()).toList();
    assertThat(dates).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void lastPageSometimesOmitsTheCursorAndSometimesSendsNull() {
    inbound("only", 1_735_600_000L);
    Set<String> styles = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      JsonNode page = http.get("/v3/grants/" + GRANT + "/messages").json();
      styles.add(page.has("next_cursor") ? "null:" + page.get("next_cursor").isNull() : "absent");
    }
    assertThat(styles).containsExactlyInAnyOrder("absent", "null:true");
  }

  @Test
  void receivedAfterIsInclusiveAndFiltersCombineWithTheCursor() {
    inbound("old", 100);
    FakeMessage edge = inbound("edge", 200);
    FakeMessage late = inbound("late", 300);
    JsonNode page = http.get("/v3/grants/" + GRANT + "/messages?received_after=200&limit=1").json();
    assertThat(page.get("data").get(0).get("id").asString()).isEqualTo(late.id());
    String cursor = page.get("next_cursor").asString();
    JsonNode second =
        http.get("/v3/grants/" + GRANT + "/messages?received_after=200&page_token=" + cursor)
            .json();
    assertThat(second.get("data"))
        .extracting(m -> m.get("id").asString())
        .containsExactly(edge.id());
    assertThat(
            http.get("/v3/grants/" + GRANT + "/messages?received_after=250&page_token=" + cursor)
                .status())
        .isEqualTo(400);
  }

  @Test
  void headersOnlyWhenAskedFor() {
    FakeMessage m =
        server.receive(
            GRANT,
            new InboundEmail(
                "Dana", "dana@client.example", null, "Hi", "text", null, Map.of("X-Test", "1")));
    String base = "/v3/grants/" + GRANT + "/messages/" + m.id();
    assertThat(http.get(base).json().get("data").has("headers")).isFalse();
    JsonNode all = http.get(base + "?fields=include_headers").json().get("data").get("headers");
    assertThat(all).extracting(h -> h.get("name").asString()).contains("Message-ID", "X-Test");
    assertThat(all.get(0).get("value").asString()).isEqualTo("<msg-1@fake.nylas>");
    JsonNode listed =
        http.get("/v3/grants/" + GRANT + "/messages?fields=include_basic_headers").json();
    assertThat(listed.get("data").get(0).get("headers"))
        .extracting(h -> h.get("name").asString())
        .containsExactly("Message-ID");
  }

  @Test
  void everyGrantCallNeedsTheApiKey() {
    for (String auth : new String[] {null, "Bearer wrong", KEY}) {
      NylasHttp.Response response = http.getWithoutAuth("/v3/grants/" + GRANT + "/messages", auth);
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json().get("error").get("type").asString()).isEqualTo("unauthorized");
      assertThat(response.json().get("request_id").asString()).isNotBlank();
    }
  }

  @Test
  void limitIsCheckedAgainstTheMaximum() {
    NylasHttp.Response tooMany = http.get("/v3/grants/" + GRANT + "/messages?limit=201");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("error").get("type").asString())
        .isEqualTo("invalid_request_error");
    assertThat(http.get("/v3/grants/" + GRANT + "/messages?limit=200").status()).isEqualTo(200);
  }

  @Test
  void messageIdsArePathDecodedAndUnknownOnesAre404() {
    server.messageIdPrefix("AAMk/x+y=");
    FakeMessage m = inbound("odd id", 100);
    String encoded = URLEncoder.encode(m.id(), StandardCharsets.UTF_8);
    assertThat(encoded).isEqualTo("AAMk%2Fx%2By%3D1");
    // A literal "+" in a path is a plus, not a space as in a query string.
    for (String segment : List.of(encoded, "AAMk%2Fx+y=1")) {
      NylasHttp.Response found = http.get("/v3/grants/" + GRANT + "/messages/" + segment);
      assertThat(found.status()).isEqualTo(200);
      assertThat(found.json().get("data").get("id").asString()).isEqualTo("AAMk/x+y=1");
    }
    assertThat(http.get("/v3/grants/" + GRANT + "/messages/AAMk/x+y=1").status()).isEqualTo(404);

    NylasHttp.Response missing = http.get("/v3/grants/" + GRANT + "/messages/msg-999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").get("type").asString()).isEqualTo("not_found_error");
    assertThat(http.get("/v3/grants/nobody/messages").status()).isEqualTo(404);
  }

  @Test
  void grantFoldersAndDrafts() {
    FakeMessage m = inbound("question", 100);
    FakeMessage draft =
        server.addDraft(GRANT, "dana@client.example", "Re: question", "wip", m.id());
    JsonNode grant = http.get("/v3/grants/" + GRANT).json().get("data");
    assertThat(grant.get("email").asString()).isEqualTo(ME);
    assertThat(http.get("/v3/grants/" + ME).status()).isEqualTo(200);

    JsonNode folders = http.get("/v3/grants/" + GRANT + "/folders").json().get("data");
    assertThat(folders)
        .extracting(f -> f.get("id").asString() + f.get("attributes").toString())
        .contains("INBOX[\"\\\\Inbox\"]", "SENT[\"\\\\Sent\"]", "DRAFTS[\"\\\\Drafts\"]");

    JsonNode drafts = http.get("/v3/grants/" + GRANT + "/messages?in=DRAFTS").json().get("data");
    assertThat(drafts).extracting(d -> d.get("id").asString()).containsExactly(draft.id());
    JsonNode thread = http.get("/v3/grants/" + GRANT + "/threads/" + m.threadId()).json();
    assertThat(thread.get("data").get("draft_ids").get(0).asString()).isEqualTo(draft.id());
    assertThat(thread.get("data").get("has_drafts").asBoolean()).isTrue();
  }

  @Test
  void sendReplaysWithTheSameKeyAndRefusesAnotherPayload() {
    String payload =
        "{\"to\":[{\"name\":\"Dana\",\"email\":\"dana@client.example\"}],"
            + "\"subject\":\"Hello\",\"body\":\"<p>Hi</p>\"}";
    NylasHttp.Response first = http.send(GRANT, payload, "key-1");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Idempotent-Response")).isNull();
    JsonNode sent = first.json();
    assertThat(sent.get("grant_id").asString()).isEqualTo(GRANT);
    assertThat(sent.get("data").get("from").get(0).get("email").asString()).isEqualTo(ME);
    assertThat(sent.get("data").get("folders").get(0).asString()).isEqualTo("SENT");

    NylasHttp.Response replay = http.send(GRANT, payload.replace(",", " ,"), "key-1");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Response")).isEqualTo("true");
    assertThat(replay.body()).isEqualTo(first.body());

    NylasHttp.Response conflict = http.send(GRANT, payload.replace("Hello", "Other"), "key-1");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("error").get("type").asString())
        .isEqualTo("api.invalid_idempotent_request");
    assertThat(http.send(GRANT, payload, null).status()).isEqualTo(200);
    assertThat(server.sent(GRANT)).hasSize(2);

    clock.advance(Duration.ofMinutes(61));
    NylasHttp.Response expired = http.send(GRANT, payload.replace("Hello", "Other"), "key-1");
    assertThat(expired.status()).isEqualTo(200);
  }

  @Test
  void repliesJoinTheThreadBothWays() {
    FakeMessage question = inbound("Quote request", 100);
    String reply =
        "{\"to\":[{\"email\":\"dana@client.example\"}],\"subject\":\"Re: Quote request\","
            + "\"body\":\"Sure\",\"reply_to_message_id\":\""
            + question.id()
            + "\"}";
    JsonNode sent = http.send(GRANT, reply, null).json().get("data");
    assertThat(sent.get("thread_id").asString()).isEqualTo(question.threadId());
    FakeMessage stored = server.sent(GRANT).getFirst();
    assertThat(stored.header("in-reply-to")).isEqualTo(question.messageIdHeader());

    FakeMessage answer =
        server.receive(
            GRANT,
            InboundEmail.replyTo(
                stored.id(), "Dana", "dana@client.example", "Re: Quote request", "Thanks"));
    assertThat(answer.threadId()).isEqualTo(question.threadId());
    assertThat(answer.header("References"))
        .isEqualTo(question.messageIdHeader() + " " + stored.messageIdHeader());
    FakeMessage unrelated = inbound("Other topic", 400);
    assertThat(unrelated.threadId()).isNotEqualTo(question.threadId());

    JsonNode thread = http.get("/v3/grants/" + GRANT + "/threads/" + question.threadId()).json();
    assertThat(thread.get("data").get("message_ids"))
        .extracting(JsonNode::asString)
        .containsExactly(question.id(), stored.id(), answer.id());
    assertThat(
            http.get("/v3/grants/" + GRANT + "/messages?thread_id=" + question.threadId())
                .json()
                .get("data"))
        .hasSize(3);
  }

  @Test
  void rejectedRecipientFailsPermanently() {
    server.rejectSendsTo("ghost@client.example", 402);
    NylasHttp.Response response =
        http.send(GRANT, "{\"to\":[{\"email\":\"ghost@client.example\"}],\"body\":\"x\"}", "k");
    assertThat(response.status()).isEqualTo(402);
    assertThat(response.json().get("error").get("message").asString()).contains("ghost");
    assertThat(server.sent(GRANT)).isEmpty();
    assertThat(http.send(GRANT, "{\"to\":[]}", null).status()).isEqualTo(400);
  }
}
