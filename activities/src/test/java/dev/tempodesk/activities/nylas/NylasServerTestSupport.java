package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fake Nylas on MockWebServer, a client pointed at it, and the reference's fixtures. */
abstract class NylasServerTestSupport {

  static final String API_KEY = "nyk_v0_test-api-key-do-not-leak-7Qx2";
  static final String CLIENT_ID = "app-client-0001";
  static final String GRANT = "grant-abc-123";
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  MockWebServer server;
  NylasClient client;
  final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    // An unexpected extra request gets an immediate 418 instead of blocking until read timeout.
    QueueDispatcher dispatcher = new QueueDispatcher();
    dispatcher.setFailFast(new MockResponse.Builder().code(418).build());
    server.setDispatcher(dispatcher);
    server.start();
    client = clientWith(NylasClient.defaultHttpClient(settings()));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  NylasSettings settings() {
    return NylasSettings.of(server.url("/"), API_KEY, CLIENT_ID);
  }

  NylasClient clientWith(OkHttpClient http) {
    return new NylasClient(settings(), http, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
    assertThat(request).as("request reached the fake Nylas").isNotNull();
    return request;
  }

  static NylasApiException catchApiError(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(NylasApiException.class);
    return (NylasApiException) thrown;
  }

  static MockResponse json(int code, String body) {
    return jsonBuilder(code, body).build();
  }

  static MockResponse.Builder jsonBuilder(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req-header-" + code)
        .body(body);
  }

  static String error(String requestId, String type, String message) {
    return """
        {"request_id":"%s","error":{"type":"%s","message":"%s"}}"""
        .formatted(requestId, type, message);
  }

  static String message(String id, long date) {
    return """
        {"id":"%s","object":"message","grant_id":"grant-abc-123","thread_id":"thr-0055",
         "subject":"Re: Quote request","from":[{"name":"Dana Client","email":"dana@client.example"}],
         "to":[{"name":"Sam Agent","email":"sam@ourco.example"}],"cc":[],"bcc":[],"reply_to":[],
         "date":%d,"body":"<p>Sounds good</p>","snippet":"Sounds good","folders":["INBOX","UNREAD"],
         "unread":true,"starred":false,"attachments":[]}"""
        .formatted(id, date);
  }

  static final String SENT_MESSAGE =
      """
      {"request_id":"req-send-1","grant_id":"grant-abc-123","data":{"id":"msg-2001","object":"message",
       "grant_id":"grant-abc-123","thread_id":"thr-0055","subject":"Re: Quote request",
       "from":[{"name":"Sam Agent","email":"sam@ourco.example"}],
       "to":[{"name":"Dana Client","email":"dana@client.example"}],"cc":[],"bcc":[],"reply_to":[],
       "date":1735689800,"body":"<p>Great, attached.</p>","snippet":"Great, attached.","folders":[],
       "unread":false,"starred":false,"attachments":[]}}""";

  static String okMessage() {
    return "{\"request_id\":\"req-ok\",\"data\":" + message("msg-1001", 1735689690) + "}";
  }
}
