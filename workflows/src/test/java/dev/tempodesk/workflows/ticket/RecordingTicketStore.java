package dev.tempodesk.workflows.ticket;

import java.util.ArrayList;
import java.util.List;

/** An in-memory read model: keeps every change the workflow recorded, in order. */
class RecordingTicketStore implements TicketStoreActivities {
  private final List<TicketChangeRecord> changes = new ArrayList<>();

  @Override
  public synchronized void recordChange(TicketChangeRecord change) {
    changes.add(change);
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
