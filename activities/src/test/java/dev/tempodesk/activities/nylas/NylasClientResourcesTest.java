package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.fakes.nylas.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class NylasClientResourcesTest extends NylasClientTestBase {

  @Test
  void shouldGetThreadWithLatestMessageInline() throws Exception {
    nylas.script(
        "GET",
        GRANT_PATH + "/threads/thr-0055",
        json(
            200,
            """
            {"request_id":"req-t","data":{"id":"thr-0055","grant_id":"grant-abc-123","object":"thread",
             "subject":"Re: Quote request","message_ids":["msg-1000","msg-1001"],"draft_ids":[],
             "folders":["INBOX"],"participants":[{"email":"dana@client.example"}],
             "has_attachments":false,"has_drafts":false,"starred":false,"unread":true,
             "earliest_message_date":1735600000,"latest_message_received_date":1735689690,
             "latest_draft_or_message":%s}}"""
                .formatted(message("msg-1001", 1735689690))));

    NylasThread thread = client.getThread(GRANT, "thr-0055");

    assertThat(takeRequest().path()).isEqualTo("/v3/grants/grant-abc-123/threads/thr-0055");
    assertThat(thread.messageIds()).containsExactly("msg-1000", "msg-1001");
    assertThat(thread.participants()).containsExactly(EmailAddress.of("dana@client.example"));
    assertThat(thread.latestMessageReceivedDate()).isEqualTo(1735689690L);
    assertThat(thread.latestMessageSentDate()).isNull();
    assertThat(thread.latestDraftOrMessage().id()).isEqualTo("msg-1001");
  }

  @Test
  void shouldListFoldersAcrossPagesAndExposeAttributes() throws Exception {
    nylas.script(
        "GET",
        GRANT_PATH + "/folders",
        json(
            200,
            """
            {"request_id":"req-f1","data":[{"id":"INBOX","name":"Inbox","attributes":["\\\\Inbox"],
              "system_folder":true}],"next_cursor":"f2"}"""));
    nylas.script(
        "GET",
        GRANT_PATH + "/folders",
        json(
            200,
            """
            {"request_id":"req-f2","data":[{"id":"AQMk-sent","name":"Sent Items",
              "attributes":["\\\\Sent"],"system_folder":true,"parent_id":null,"total_count":12,
              "unread_count":0}],"next_cursor":null}"""));

    List<NylasFolder> folders = client.listFolders(GRANT);

    assertThat(folders).extracting(NylasFolder::id).containsExactly("INBOX", "AQMk-sent");
    NylasFolder sent = folders.get(1);
    assertThat(sent.hasAttribute("\\sent")).isTrue();
    assertThat(sent.hasAttribute("\\Drafts")).isFalse();
    assertThat(sent.systemFolder()).isTrue();
    assertThat(sent.totalCount()).isEqualTo(12);
    assertThat(takeRequest().path()).isEqualTo("/v3/grants/grant-abc-123/folders");
    RecordedRequest second = takeRequest();
    assertThat(second.queryParameter("page_token")).isEqualTo("f2");
  }

  @Test
  void shouldGetGrant() throws Exception {
    nylas.script(
        "GET",
        GRANT_PATH,
        json(
            200,
            """
            {"request_id":"req-g","data":{"id":"grant-abc-123","provider":"google",
             "grant_status":"valid","email":"sam@ourco.example","scope":["gmail.modify","openid"],
             "created_at":1735000000,"updated_at":1735600000,"blocked":false}}"""));

    NylasGrant grant = client.getGrant(GRANT);

    RecordedRequest request = takeRequest();
    assertThat(request.path()).isEqualTo("/v3/grants/grant-abc-123");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(grant.grantStatus()).isEqualTo("valid");
    assertThat(grant.email()).isEqualTo("sam@ourco.example");
    assertThat(grant.scope()).containsExactly("gmail.modify", "openid");
    assertThat(grant.createdAt()).isEqualTo(1735000000L);
  }
}
