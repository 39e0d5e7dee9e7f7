package dev.tempodesk.bench.recalc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each listening ticket first ran and first handled a signal of each reason (wall clock, ms).
 * A replayed workflow reports again; only the first report counts.
 */
final class Deliveries {
  private final Map<Long, Long> started = new ConcurrentHashMap<>();
  private final Map<String, Map<Long, Long>> handled = new ConcurrentHashMap<>();

  void started(long number) {
    started.putIfAbsent(number, System.currentTimeMillis());
  }

  void handled(String reason, long number) {
    handled
        .computeIfAbsent(reason, r -> new ConcurrentHashMap<>())
        .putIfAbsent(number, System.currentTimeMillis());
  }

  int startedCount() {
    return started.size();
  }

  int handledCount(String reason) {
    return handled.getOrDefault(reason, Map.of()).size();
  }

  long lastHandled(String reason) {
    return handled.get(reason).values().stream().mapToLong(Long::longValue).max().orElseThrow();
  }
}
