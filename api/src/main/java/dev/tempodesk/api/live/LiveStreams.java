package dev.tempodesk.api.live;

import dev.tempodesk.api.error.TooManyRequestsException;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.live.LiveEventRepository;
import dev.tempodesk.db.ticket.TicketAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This replica's open streams. Each event from the {@link LiveEventListener} goes to the streams of
 * the people who may see it ({@link LiveEvent#visibleTo}); each stream has its own queue and
 * virtual thread, so a slow client holds up nobody else, and a client too slow to keep up is closed
 * (it reconnects and replays).
 */
public class LiveStreams implements Consumer<LiveEvent> {
  private static final int REPLAY_LIMIT = 5_000;

  /** How long a stream goes by the groups it read: a membership change reaches it within this. */
  static final Duration ACCESS_REFRESH = Duration.ofSeconds(10);

  private final LiveEventRepository events;
  private final LiveProperties settings;
  private final Function<SignedInUser, TicketAccess> accessOf;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Integer> perPerson = new ConcurrentHashMap<>();

  /**
   * @param accessOf the tickets a member of staff sees (VisibleTickets#access), read when a stream
   *     opens and again every {@link #ACCESS_REFRESH}
   */
  public LiveStreams(
      LiveEventRepository events,
      LiveProperties settings,
      Function<SignedInUser, TicketAccess> accessOf) {
    this.events = events;
    this.settings = settings;
    this.accessOf = accessOf;
  }

  @Override
  public void accept(LiveEvent event) {
    for (Stream stream : streams) {
      if (event.visibleTo(stream.user, stream.access)) {
        stream.offer(event);
      }
    }
  }

  /**
   * Ends every open stream (at shutdown, so the web server need not wait for them): the browsers
   * reconnect, to another replica, and resume.
   */
  public void closeAll() {
    for (Stream stream : streams) {
      stream.emitter.complete();
      stream.close();
    }
  }

  /** How many streams are open on this replica. */
  public int size() {
    return streams.size();
  }

  /**
   * Opens a stream for this person, first replaying the events after {@code lastEventId} (when
   * given) that they may see. Refused with 429 when they already hold the most streams allowed.
   */
  public SseEmitter open(SignedInUser user, Long lastEventId) {
    String person = user.kind() + ":" + user.id();
    boolean[] admitted = {false};
    perPerson.compute(
        person,
        (key, open) -> {
          int count = open == null ? 0 : open;
          if (count >= settings.maxStreamsPerUser()) {
            return open;
          }
          admitted[0] = true;
          return count + 1;
        });
    if (!admitted[0]) {
      throw new TooManyRequestsException(
          "You have " + settings.maxStreamsPerUser() + " live streams open; close one first.",
          settings.heartbeat());
    }
    SseEmitter emitter = new SseEmitter(settings.streamLifetime().toMillis());
    Stream stream = new Stream(user, person, emitter, settings.queueSize(), accessOf(user));
    emitter.onCompletion(stream::close);
    emitter.onTimeout(emitter::complete);
    emitter.onError(error -> stream.close());
    streams.add(stream);
    Thread.ofVirtual()
        .name("live-stream-" + person)
        .start(
            () -> stream.run(() -> lastEventId == null ? List.of() : replay(stream, lastEventId)));
    return emitter;
  }

  private List<LiveEvent> replay(Stream stream, long lastEventId) {
    return events.after(lastEventId, REPLAY_LIMIT).stream()
        .map(LiveEvent::of)
        .filter(event -> event.visibleTo(stream.user, stream.access))
        .toList();
  }

  /** Staff: the tickets they see; a customer: none of that applies (null). */
  private TicketAccess accessOf(SignedInUser user) {
    return user.role().isStaff() ? accessOf.apply(user) : null;
  }

  private final class Stream {
    private final SignedInUser user;
    private final String person;
    private final SseEmitter emitter;
    private final BlockingQueue<LiveEvent> queue;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread thread;
    private volatile TicketAccess access;
    private long accessReadAt = System.nanoTime();

    Stream(
        SignedInUser user, String person, SseEmitter emitter, int queueSize, TicketAccess access) {
      this.user = user;
      this.person = person;
      this.emitter = emitter;
      this.queue = new ArrayBlockingQueue<>(queueSize);
      this.access = access;
    }

    /** Reads the person's groups again once {@link #ACCESS_REFRESH} has passed (stream thread). */
    private void refreshAccess() {
      if (access != null && System.nanoTime() - accessReadAt > ACCESS_REFRESH.toNanos()) {
        access = accessOf(user);
        accessReadAt = System.nanoTime();
      }
    }

    void offer(LiveEvent event) {
      if (!queue.offer(event)) {
        // Too far behind: closing makes the browser reconnect and replay from its last id.
        emitter.complete();
        close();
      }
    }

    void run(Supplier<List<LiveEvent>> missed) {
      thread = Thread.currentThread();
      Set<Long> replayed = new HashSet<>();
      try {
        emitter.send(SseEmitter.event().reconnectTime(2_000).comment("connected"));
        for (LiveEvent event : missed.get()) {
          send(event);
          replayed.add(event.id());
        }
        Duration heartbeat = settings.heartbeat();
        while (!closed.get()) {
          LiveEvent event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
          refreshAccess();
          if (event == null) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
          } else if (!replayed.contains(event.id())) {
            send(event);
          }
        }
      } catch (IOException | RuntimeException e) {
        // The client went away, the stream was completed, or the replay could not be read: end
        // it; the browser reconnects and resumes.
        try {
          emitter.completeWithError(e);
        } catch (RuntimeException alreadyDone) {
          // Already completed.
        }
      } catch (InterruptedException e) {
        // Closed while waiting.
      } finally {
        close();
      }
    }

    private void send(LiveEvent event) throws IOException {
      emitter.send(
          SseEmitter.event()
              .id(Long.toString(event.id()))
              .name(event.kind())
              .data(event.data(), MediaType.APPLICATION_JSON));
    }

    void close() {
      if (closed.compareAndSet(false, true)) {
        streams.remove(this);
        perPerson.computeIfPresent(person, (key, open) -> open <= 1 ? null : open - 1);
        Thread current = thread;
        if (current != null && current != Thread.currentThread()) {
          current.interrupt();
        }
      }
    }
  }
}
