package dev.tempodesk.fakes.nylas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts signed {@code message.created} and {@code grant.expired} notifications (reference §5.4) in
 * the background. An attempt that does not get 200 within 10 s is retried, 3 attempts in all, the
 * delay doubling from {@code retryDelay} (Nylas spreads its retries over minutes; tests cannot wait
 * that long).
 */
final class WebhookSender implements AutoCloseable {
  static final int MAX_ATTEMPTS = 3;
  static final String SOURCE = "/google/emails/realtime";

  private final URI url;
  private final String secret;
  private final String applicationId;
  private final Clock clock;
  private final Duration retryDelay;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2, Thread.ofPlatform().daemon().name("fake-nylas-hook").factory());
  private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

  WebhookSender(String url, String secret, String applicationId, Clock clock, Duration retryDelay) {
    this.url = URI.create(url);
    this.secret = secret;
    this.applicationId = applicationId;
    this.clock = clock;
    this.retryDelay = retryDelay;
  }

  void messageCreated(FakeMessage message) {
    String notificationId = "evt-" + UUID.randomUUID();
    deliver(
        notificationId, message.id(), attempt -> notification(notificationId, message, attempt));
  }

  /**
   * {@code grant.expired} from {@code /nylas/system}; {@code data.object} carries the grant id (the
   * shape of the Java SDK's grant notification vector). Delivered and retried like the others.
   */
  void grantExpired(FakeMailbox box) {
    String notificationId = "evt-" + UUID.randomUUID();
    deliver(
        notificationId,
        box.grantId(),
        attempt -> {
          ObjectNode json = envelope("grant.expired", "/nylas/system", notificationId, attempt);
          ObjectNode object = ((ObjectNode) json.get("data")).putObject("object");
          object.put("grant_id", box.grantId());
          object.put("provider", "google");
          object.put("code", 25009);
          return NylasJson.MAPPER.writeValueAsBytes(json);
        });
  }

  private void deliver(String notificationId, String objectId, IntFunction<byte[]> body) {
    try {
      scheduler.execute(() -> attempt(notificationId, objectId, body, 1));
    } catch (RejectedExecutionException e) {
      // Webhooks were disabled meanwhile: the notification is dropped, as Nylas does for a
      // deleted destination.
    }
  }

  List<WebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The §5.2 challenge: the endpoint must echo the value as the raw body with 200. */
  boolean challenge() {
    String value = "c-" + UUID.randomUUID();
    URI challengeUri =
        URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "challenge=" + value);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(challengeUri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().equals(value);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  byte[] notification(String notificationId, FakeMessage message, int attempt) {
    ObjectNode json = envelope("message.created", SOURCE, notificationId, attempt);
    ((ObjectNode) json.get("data"))
        .set("object", NylasJson.message(message, NylasJson.Headers.NONE));
    return NylasJson.MAPPER.writeValueAsBytes(json);
  }

  private ObjectNode envelope(String type, String source, String notificationId, int attempt) {
    ObjectNode json = NylasJson.object();
    json.put("specversion", "1.0");
    json.put("type", type);
    json.put("source", source);
    json.put("id", notificationId);
    json.put("time", clock.instant().getEpochSecond());
    json.put("webhook_delivery_attempt", attempt);
    json.putObject("data").put("application_id", applicationId);
    return json;
  }

  private void attempt(
      String notificationId, String objectId, IntFunction<byte[]> body, int attempt) {
    int status = post(body.apply(attempt));
    deliveries.add(new WebhookDelivery(notificationId, objectId, attempt, status));
    if (status != 200 && attempt < MAX_ATTEMPTS && !scheduler.isShutdown()) {
      long delay = retryDelay.toMillis() << (attempt - 1);
      try {
        scheduler.schedule(
            () -> attempt(notificationId, objectId, body, attempt + 1),
            delay,
            TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // closed between the check and the schedule
      }
    }
  }

  private int post(byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(
                WebhookSignature.HEADER.toLowerCase(Locale.ROOT),
                WebhookSignature.sign(body, secret))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    // Not close(): that waits for an endpoint which may never answer.
    http.shutdownNow();
  }
}
