package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.RecordedRequest;
import dev.tempodesk.fakes.nylas.ScriptedReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fake Nylas ({@code tempodesk-fake-nylas}), a client pointed at it, and the reference's
 * fixtures (nylas-v3.md §9), which the tests script per route as the fake's one-shot replies. The
 * fake knows no grant here, so a request no test scripted gets its 404 and fails the test.
 */
abstract class NylasClientTestBase {

  static final String API_KEY = "nyk_v0_test-api-key-do-not-leak-7Qx2";
  static final String CLIENT_ID = "app-client-0001";
  static final String GRANT = "grant-abc-123";
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  static final String GRANT_PATH = "/v3/grants/" + GRANT;
  static final String MESSAGES = GRANT_PATH + "/messages";
  static final String MESSAGE = MESSAGES + "/msg-1001";
  static final String SEND = MESSAGES + "/send";
  static final String TOKEN = "/v3/connect/token";

  FakeNylasServer nylas;
  NylasClient client;
  final List<Duration> sleeps = new ArrayList<>();
  private int taken;

  @BeforeEach
  void startNylas() {
    nylas = FakeNylasServer.start(API_KEY, CLIENT_ID, FaultPlan.none());
    client = clientWith(NylasClient.defaultHttpClient(settings()));
  }

  @AfterEach
  void stopNylas() {
    nylas.close();
  }

  NylasSettings settings() {
    return NylasSettings.of(HttpUrl.get(nylas.baseUrl() + "/"), API_KEY, CLIENT_ID);
  }

  NylasClient clientWith(OkHttpClient http) {
    return new NylasClient(settings(), http, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The next request the fake received, in order; each is recorded before it is answered. */
  RecordedRequest takeRequest() {
    List<RecordedRequest> received = nylas.requests();
    assertThat(received).as("request reached the fake Nylas").hasSizeGreaterThan(taken);
    return received.get(taken++);
  }

  static NylasApiException catchApiError(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(NylasApiException.class);
    return (NylasApiException) thrown;
  }

  static ScriptedReply json(int code, String body) {
    return ScriptedReply.json(code, body).withHeader("x-request-id", "req-header-" + code);
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
