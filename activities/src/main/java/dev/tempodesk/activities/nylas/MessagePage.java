package dev.tempodesk.activities.nylas;

import java.util.List;
import java.util.Optional;

/** One page of messages; an absent, null or empty {@code nextCursor} marks the last page. */
public record MessagePage(List<NylasMessage> data, String nextCursor, String requestId) {

  public MessagePage {
    data = Lists.copy(data);
  }

  public Optional<String> next() {
    return nextCursor == null || nextCursor.isEmpty() ? Optional.empty() : Optional.of(nextCursor);
  }
}
