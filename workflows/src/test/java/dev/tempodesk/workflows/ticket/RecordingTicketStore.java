package dev.tempodesk.workflows.ticket;

import java.util.ArrayList;
import java.util.List;

/** An in-memory read model: keeps every change the workflow recorded, in order. */
class RecordingTicketStore implements TicketStoreActivities {
  private final List<TicketChangeRecord> changes = new ArrayList<>();
  private int failures;
  private int attempts;

  @Override
  public synchronized void recordChange(TicketChangeRecord change) {
    attempts++;
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("the database is down");
    }
    changes.add(change);
  }

  /** The next {@code count} writes fail, as with a database that is down. */
  synchronized void failNextWrites(int count) {
    failures = count;
  }

  /** Writes tried, failed ones included. */
  synchronized int attempts() {
    return attempts;
  }

  synchronized List<TicketChangeRecord> changes() {
    return List.copyOf(changes);
  }

  synchronized List<TicketEvent.Kind> eventKinds() {
    return changes.stream().map(change -> change.event().kind()).toList();
  }

  synchronized TicketChangeRecord last() {
    return changes.getLast();
  }
}
