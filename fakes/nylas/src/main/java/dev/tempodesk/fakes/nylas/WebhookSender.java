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
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts signed {@code message.created} notifications (reference §5.4) in the background. An attempt
 * that does not get 200 within 10 s is retried, 3 attempts in all, the delay doubling from {@code
 * retryDelay} (Nylas spreads its retries over minutes; tests cannot wait that long).
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
    try {
      scheduler.execute(() -> attempt(notificationId, message, 1));
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
    ObjectNode json = NylasJson.object();
    json.put("specversion", "1.0");
    json.put("type", "message.created");
    json.put("source", SOURCE);
    json.put("id", notificationId);
    json.put("time", clock.instant().getEpochSecond());
    json.put("webhook_delivery_attempt", attempt);
    ObjectNode data = json.putObject("data");
    data.put("application_id", applicationId);
    data.set("object", NylasJson.message(message, NylasJson.Headers.NONE));
    return NylasJson.MAPPER.writeValueAsBytes(json);
  }

  private void attempt(String notificationId, FakeMessage message, int attempt) {
    byte[] body = notification(notificationId, message, attempt);
    int status = post(body);
    deliveries.add(new WebhookDelivery(notificationId, message.id(), attempt, status));
    if (status != 200 && attempt < MAX_ATTEMPTS && !scheduler.isShutdown()) {
      long delay = retryDelay.toMillis() << (attempt - 1);
      try {
        scheduler.schedule(
            () -> attempt(notificationId, message, attempt + 1), delay, TimeUnit.MILLISECONDS);
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
