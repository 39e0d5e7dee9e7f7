package dev.tempodesk.api.live;

import dev.tempodesk.api.HttpApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a text/event-stream as a browser's EventSource would (id, event, data lines, a blank line
 * ends an event; lines starting with ':' are comments), on a thread of its own. Also the client of
 * benchmark B8 (bench module), hence public and the receipt time on each event.
 */
public final class SseClient implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One event as received.
   *
   * @param receivedNanos {@link System#nanoTime()} when its closing blank line was read
   */
  public record Event(long id, String name, JsonNode data, long receivedNanos) {
    public Long ticketNumber() {
      return data.hasNonNull("ticketNumber") ? data.get("ticketNumber").asLong() : null;
    }
  }

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();
  private final List<String> comments = java.util.Collections.synchronizedList(new ArrayList<>());

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    Thread.ofVirtual().start(this::read);
  }

  /** Opens {@code /api/stream} for this signed-in client, resuming after an id when given. */
  public static SseClient open(HttpApi api, Long lastEventId) {
    HttpResponse<InputStream> response =
        lastEventId == null
            ? api.stream("/api/stream")
            : api.stream("/api/stream", "Last-Event-ID", Long.toString(lastEventId));
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /api/stream answered " + response.statusCode());
    }
    return new SseClient(response);
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  List<String> comments() {
    return List.copyOf(comments);
  }

  /** Every event received so far, including those returned by {@link #await}. */
  public List<Event> seen() {
    drain();
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** The first event received (or already received) that matches, or fails after the timeout. */
  Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
    synchronized (seen) {
      drain();
      for (Event event : seen) {
        if (wanted.test(event)) {
          return event;
        }
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("No matching event within " + timeout + "; got " + seen());
      }
      synchronized (seen) {
        seen.add(event);
      }
      if (wanted.test(event)) {
        return event;
      }
    }
  }

  static Predicate<Event> about(String name, long ticketNumber) {
    return event ->
        event.name().equals(name) && Long.valueOf(ticketNumber).equals(event.ticketNumber());
  }

  private void drain() {
    synchronized (seen) {
      events.drainTo(seen);
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          long receivedNanos = System.nanoTime();
          if (!data.isEmpty()) {
            events.add(
                new Event(
                    id == null ? -1 : Long.parseLong(id),
                    name,
                    JSON.readTree(data.toString()),
                    receivedNanos));
          }
          id = null;
          name = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (IOException closed) {
      // The stream was closed.
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
