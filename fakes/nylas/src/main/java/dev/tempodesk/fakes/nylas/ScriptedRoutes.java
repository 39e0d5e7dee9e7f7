package dev.tempodesk.fakes.nylas;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-shot answers queued per route by {@link FakeNylasServer#script}. A route is a method and
 * a path pattern: the pattern is split at {@code /}, each segment percent-decoded on its own (so
 * {@code %2F} is a slash inside one segment) and compared with the request's decoded segments;
 * {@code *} matches any one segment. The query is not part of the route. Routes are tried in the
 * order they were first scripted; the first whose pattern matches and whose queue is not empty
 * answers.
 */
final class ScriptedRoutes {
  /** {@code segments} holds null where the pattern has {@code *}. */
  private record Route(String method, List<String> segments) {
    boolean matches(String requestMethod, List<String> path) {
      if (!method.equals(requestMethod) || segments.size() != path.size()) {
        return false;
      }
      for (int i = 0; i < segments.size(); i++) {
        String want = segments.get(i);
        if (want != null && !want.equals(path.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private final Map<Route, Deque<ScriptedReply>> queues = new LinkedHashMap<>();

  synchronized void add(String method, String pathPattern, List<ScriptedReply> replies) {
    if (method == null || method.isBlank() || !method.equals(method.toUpperCase())) {
      throw new IllegalArgumentException("method must be an upper-case HTTP method: " + method);
    }
    if (pathPattern == null || !pathPattern.startsWith("/")) {
      throw new IllegalArgumentException("path pattern must start with /: " + pathPattern);
    }
    Route route = new Route(method, segments(pathPattern));
    queues.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(replies);
  }

  /** The next scripted answer for this request, taken off its queue, if any route has one. */
  synchronized Optional<ScriptedReply> next(String method, List<String> path) {
    for (Map.Entry<Route, Deque<ScriptedReply>> e : queues.entrySet()) {
      if (!e.getValue().isEmpty() && e.getKey().matches(method, path)) {
        return Optional.of(e.getValue().poll());
      }
    }
    return Optional.empty();
  }

  synchronized int left() {
    return queues.values().stream().mapToInt(Deque::size).sum();
  }

  synchronized void clear() {
    queues.clear();
  }

  private static List<String> segments(String pattern) {
    List<String> segments = new ArrayList<>();
    for (String raw : pattern.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(
            raw.equals("*")
                ? null
                : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }
}
