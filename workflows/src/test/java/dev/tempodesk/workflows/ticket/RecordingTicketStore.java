package dev.tempodesk.workflows.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An in-memory read model: keeps every change the workflow recorded, in order. SLA policies: none
 * matches (the configured defaults) unless a test says which policy governs which facts.
 */
class RecordingTicketStore implements TicketStoreActivities {
  private final List<TicketChangeRecord> changes = new ArrayList<>();
  private final List<SlaPolicyRules.TicketFacts> lookUps = new ArrayList<>();
  private Function<SlaPolicyRules.TicketFacts, AppliedSla> policies = facts -> null;
  private int failures;
  private int attempts;

  /** From now on every look-up finds {@code policy} (null: none matches). */
  void governBy(AppliedSla policy) {
    governBy(facts -> policy);
  }

  synchronized void governBy(Function<SlaPolicyRules.TicketFacts, AppliedSla> policies) {
    this.policies = policies;
  }

  @Override
  public synchronized AppliedSla lookUpSla(long ticketNumber, SlaPolicyRules.TicketFacts facts) {
    lookUps.add(facts);
    return policies.apply(facts);
  }

  synchronized List<SlaPolicyRules.TicketFacts> lookUps() {
    return List.copyOf(lookUps);
  }

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
