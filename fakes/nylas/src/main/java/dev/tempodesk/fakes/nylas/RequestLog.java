package dev.tempodesk.fakes.nylas;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests the fake received, oldest first, for {@link FakeNylasServer#requests}: it counts
 * every request and keeps the last {@code capacity} of them, so a long-running embedded fake does
 * not grow without end.
 */
final class RequestLog {
  static final int DEFAULT_CAPACITY = 1_000;

  private final Deque<RecordedRequest> kept = new ArrayDeque<>();
  private int capacity = DEFAULT_CAPACITY;
  private long count;

  synchronized void add(RecordedRequest request) {
    count++;
    if (capacity == 0) {
      return;
    }
    if (kept.size() == capacity) {
      kept.removeFirst();
    }
    kept.addLast(request);
  }

  synchronized List<RecordedRequest> kept() {
    return List.copyOf(kept);
  }

  synchronized long count() {
    return count;
  }

  synchronized void capacity(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
    while (kept.size() > capacity) {
      kept.removeFirst();
    }
  }
}
