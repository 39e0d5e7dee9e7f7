package dev.tempodesk.activities.notification;

import dev.tempodesk.activities.nylas.Sleeper;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a notification to the outbound webhook as JSON whose {@code text} field a Slack incoming
 * webhook shows as is; the other fields are for receivers that want structure. Transient failures
 * (network, 429, 5xx) are retried with doubling pauses, then left to the activity's retry. The
 * dedupe key goes along as Idempotency-Key so that a receiver can drop the rare repeat of a post
 * whose answer was lost.
 */
public class WebhookSender {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

  private final OkHttpClient http;
  private final JsonMapper json;
  private final Sleeper sleeper;
  private final int attempts;

  public WebhookSender(OkHttpClient http, JsonMapper json, Sleeper sleeper, int attempts) {
    this.http = http;
    this.json = json;
    this.sleeper = sleeper;
    this.attempts = attempts;
  }

  public void send(NotificationsRecord notification, Recipient recipient, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", text);
    body.put("event", notification.getEventKind());
    body.put("ticket", notification.getTicketNumber());
    body.put("title", notification.getTitle());
    body.put(
        "recipient",
        Map.of("kind", recipient.kind(), "id", recipient.id(), "name", recipient.name()));
    body.put("id", notification.getDedupeKey());
    Request post =
        new Request.Builder()
            .url(notification.getDestination())
            .header("Idempotency-Key", notification.getDedupeKey())
            .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
            .build();
    Duration pause = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      DeliveryFailure failure = postOnce(post);
      if (failure == null) {
        return;
      }
      if (failure.permanent() || attempt >= attempts) {
        throw failure;
      }
      pauseFor(pause);
      pause = pause.multipliedBy(2);
    }
  }

  /** Null when the receiver accepted the post. */
  private DeliveryFailure postOnce(Request post) {
    try (Response response = http.newCall(post).execute()) {
      int code = response.code();
      if (response.isSuccessful()) {
        return null;
      }
      boolean transientFailure = code == 429 || code >= 500;
      return new DeliveryFailure("webhook answered " + code, !transientFailure, null);
    } catch (IOException unreachable) {
      return new DeliveryFailure(
          "webhook unreachable: " + unreachable.getMessage(), false, unreachable);
    }
  }

  private void pauseFor(Duration pause) {
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("interrupted", false, interrupted);
    }
  }
}
