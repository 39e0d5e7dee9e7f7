package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.fakes.nylas.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NylasClientTest extends NylasClientTestBase {

  private static final String PAGE_1 =
      """
      {"request_id":"req-list-1","data":[%s,%s],"next_cursor":"cur-p2"}"""
          .formatted(message("msg-1001", 1735689690), message("msg-1000", 1735689600));

  @Test
  void shouldListFirstPageWithBearerKeyAndFilters() throws Exception {
    nylas.script("GET", MESSAGES, json(200, PAGE_1));

    MessagePage page = client.listMessages(GRANT, MessageQuery.receivedAfter(1735600000L, 2));

    RecordedRequest request = takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v3/grants/grant-abc-123/messages");
    assertThat(request.queryParameterNames()).containsOnly("limit", "received_after");
    assertThat(request.queryParameter("limit")).isEqualTo("2");
    assertThat(request.queryParameter("received_after")).isEqualTo("1735600000");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.header("Accept")).isEqualTo("application/json");

    assertThat(page.requestId()).isEqualTo("req-list-1");
    assertThat(page.next()).contains("cur-p2");
    assertThat(page.data()).extracting(NylasMessage::id).containsExactly("msg-1001", "msg-1000");
    NylasMessage first = page.data().getFirst();
    assertThat(first.threadId()).isEqualTo("thr-0055");
    assertThat(first.from())
        .containsExactly(new EmailAddress("Dana Client", "dana@client.example"));
    assertThat(first.date()).isEqualTo(1735689690L);
    assertThat(first.folders()).containsExactly("INBOX", "UNREAD");
    assertThat(first.unread()).isTrue();
    assertThat(first.headers()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"request_id\":\"req-list-2\",\"data\":[%s]}",
        "{\"request_id\":\"req-list-2\",\"data\":[%s],\"next_cursor\":null}"
      })
  void shouldStopPagingOnLastPageWithoutCursor(String lastPage) throws Exception {
    nylas.script("GET", MESSAGES, json(200, PAGE_1));
    nylas.script("GET", MESSAGES, json(200, lastPage.formatted(message("msg-0999", 1735680000))));

    List<NylasMessage> all = listAll(MessageQuery.receivedAfter(1735600000L, 2));

    assertThat(all)
        .extracting(NylasMessage::id)
        .containsExactly("msg-1001", "msg-1000", "msg-0999");
    assertThat(nylas.requestCount()).isEqualTo(2);
    assertThat(takeRequest().queryParameter("page_token")).isNull();
    RecordedRequest second = takeRequest();
    assertThat(second.queryParameter("page_token")).isEqualTo("cur-p2");
    assertThat(second.queryParameter("received_after")).isEqualTo("1735600000");
  }

  private List<NylasMessage> listAll(MessageQuery query) {
    List<NylasMessage> all = new ArrayList<>();
    MessageQuery next = query;
    for (int guard = 0; guard < 10; guard++) {
      MessagePage page = client.listMessages(GRANT, next);
      all.addAll(page.data());
      if (page.next().isEmpty()) {
        return all;
      }
      next = query.withPageToken(page.next().get());
    }
    throw new AssertionError("paging did not stop");
  }

  @Test
  void shouldRequestHeadersAndKeepThemRawAndCaseInsensitive() throws Exception {
    String withHeaders =
        message("msg-1001", 1735689690)
            .replace(
                "\"attachments\":[]",
                """
                "attachments":[],"headers":[
                 {"name":"Received","value":"from mx1.client.example by mx.ourco.example"},
                 {"name":"Received","value":"from laptop by mx1.client.example"},
                 {"name":"Message-Id","value":"<abc@client.example>"},
                 {"name":"Subject","value":"=?UTF-8?B?UmU6IEFuZ2Vib3Qgw7xiZXJwcsO8ZnQ=?="}]""");
    nylas.script(
        "GET", MESSAGE, json(200, "{\"request_id\":\"req-7\",\"data\":" + withHeaders + "}"));

    NylasMessage message = client.getMessage(GRANT, "msg-1001", true);

    RecordedRequest request = takeRequest();
    assertThat(request.path()).isEqualTo("/v3/grants/grant-abc-123/messages/msg-1001");
    assertThat(request.queryParameter("fields")).isEqualTo("include_headers");
    assertThat(message.header("message-id")).contains("<abc@client.example>");
    assertThat(message.header("MESSAGE-ID")).contains("<abc@client.example>");
    assertThat(message.headers("received"))
        .containsExactly(
            "from mx1.client.example by mx.ourco.example", "from laptop by mx1.client.example");
    assertThat(message.header("subject")).contains("=?UTF-8?B?UmU6IEFuZ2Vib3Qgw7xiZXJwcsO8ZnQ=?=");
    assertThat(message.header("In-Reply-To")).isEmpty();
  }

  @Test
  void shouldAskForHeadersWhenListingWithHeaders() throws Exception {
    nylas.script("GET", MESSAGES, json(200, "{\"request_id\":\"r\",\"data\":[]}"));

    MessagePage page =
        client.listMessages(GRANT, new MessageQuery(null, 200, null, false, "INBOX").withHeaders());

    RecordedRequest request = takeRequest();
    assertThat(request.queryParameter("fields")).isEqualTo("include_headers");
    assertThat(request.queryParameter("in")).isEqualTo("INBOX");
    assertThat(request.queryParameter("limit")).isEqualTo("200");
    assertThat(page.data()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 201, 500})
  void shouldRejectPageSizeOutsideNylasLimits(int limit) {
    assertThatThrownBy(() -> MessageQuery.receivedAfter(0, limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200");
    assertThat(nylas.requestCount()).isZero();
  }

  @Test
  void shouldPercentEncodeIdsInPathSegments() throws Exception {
    nylas.script(
        "GET",
        "/v3/grants/sam%40ourco.example/messages/AAMkAD%2Fx%2By%3Dz%231%20%C3%BC",
        json(200, okMessage()));

    client.getMessage("sam@ourco.example", "AAMkAD/x+y=z#1 ü", false);

    RecordedRequest request = takeRequest();
    assertThat(request.target())
        .isEqualTo("/v3/grants/sam%40ourco.example/messages/AAMkAD%2Fx%2By%3Dz%231%20%C3%BC");
    assertThat(request.pathSegments())
        .containsExactly("v3", "grants", "sam@ourco.example", "messages", "AAMkAD/x+y=z#1 ü");
  }

  @Test
  void shouldRejectBlankOrDotIdsBeforeCallingNylas() {
    assertThatThrownBy(() -> client.getMessage(GRANT, " ", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.getThread(GRANT, ".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(nylas.requestCount()).isZero();
  }
}
