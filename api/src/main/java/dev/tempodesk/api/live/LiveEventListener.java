package dev.tempodesk.api.live;

import dev.tempodesk.db.live.LiveEventRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.SequencedSet;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * This replica's one listening connection: {@code LISTEN tempodesk_live} on a connection of its own
 * (not from the pool), read with PgJDBC's {@code getNotifications(timeout)} on a virtual thread,
 * each event handed to the sink (the replica's {@link LiveStreams}). A broken connection is opened
 * again after a pause, and what was written meanwhile is read back from the live_events table, so
 * no event is lost to a reconnect. The same thread prunes old events.
 */
public class LiveEventListener implements SmartLifecycle {
  static final String CHANNEL = "tempodesk_live";
  private static final Logger log = LoggerFactory.getLogger(LiveEventListener.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
  private static final int REMEMBERED = 10_000;

  /** Opens a new connection that is not shared with anyone. */
  public interface Connector {
    Connection connect() throws SQLException;
  }

  private final Connector connector;
  private final LiveEventRepository events;
  private final Consumer<LiveEvent> sink;
  private final Duration retention;
  private final Clock clock;
  // The latest ids delivered, so a catch-up after a reconnect delivers nothing twice.
  private final SequencedSet<Long> delivered = new LinkedHashSet<>();
  private volatile boolean running;
  private volatile boolean listening;
  private volatile Thread thread;
  private long latestId = -1;
  private Instant lastCheck = Instant.EPOCH;

  public LiveEventListener(
      Connector connector,
      LiveEventRepository events,
      Consumer<LiveEvent> sink,
      Duration retention,
      Clock clock) {
    this.connector = connector;
    this.events = events;
    this.sink = sink;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofVirtual().name("live-event-listener").start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
      try {
        current.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    listening = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether the connection is open and listening (a stream is only as live as this). */
  public boolean isListening() {
    return listening;
  }

  private void run() {
    Duration pause = Duration.ofMillis(200);
    while (running) {
      try (Connection connection = connector.connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        catchUp();
        listening = true;
        pause = Duration.ofMillis(200);
        listen(connection.unwrap(PGConnection.class), connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Live events: listening connection failed, opening it again: {}", e.toString());
        }
      } finally {
        listening = false;
      }
      if (!sleep(pause)) {
        return;
      }
      pause =
          pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
              ? Duration.ofSeconds(10)
              : pause.multipliedBy(2);
    }
  }

  private void listen(PGConnection listener, Connection connection) throws SQLException {
    while (running) {
      PGNotification[] notifications = listener.getNotifications((int) POLL.toMillis());
      if (notifications != null) {
        for (PGNotification notification : notifications) {
          LiveEvent event;
          try {
            event = LiveEvent.fromJson(JSON.readTree(notification.getParameter()));
          } catch (RuntimeException e) {
            log.warn("Live events: unreadable notification {}", notification.getParameter(), e);
            continue;
          }
          deliver(event);
        }
      }
      Instant now = clock.instant();
      if (Duration.between(lastCheck, now).compareTo(CHECK_EVERY) >= 0) {
        lastCheck = now;
        // A query notices a connection that died quietly; pruning is harmless on every replica.
        try (Statement statement = connection.createStatement()) {
          statement.execute("select 1");
        }
        events.pruneBefore(OffsetDateTime.ofInstant(now.minus(retention), ZoneOffset.UTC));
      }
    }
  }

  /** After (re)connecting: the events written while nobody listened; at start: none. */
  private void catchUp() {
    if (latestId < 0) {
      latestId = events.latestId();
      return;
    }
    events.after(latestId, 10_000).stream().map(LiveEvent::of).forEach(this::deliver);
  }

  private void deliver(LiveEvent event) {
    if (!delivered.add(event.id())) {
      return;
    }
    if (delivered.size() > REMEMBERED) {
      delivered.removeFirst();
    }
    latestId = Math.max(latestId, event.id());
    try {
      sink.accept(event);
    } catch (RuntimeException e) {
      log.warn("Live events: delivering event {} failed", event.id(), e);
    }
  }

  private boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause);
      return running;
    } catch (InterruptedException e) {
      return false;
    }
  }
}
