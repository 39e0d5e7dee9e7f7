package dev.tempodesk.db.assignment;

import java.time.OffsetDateTime;

/**
 * An agent as the assigner sees them: how many tickets they hold (assigned and not closed, plus
 * reservations still on their way) against their capacity.
 */
public record AgentSlot(
    long id, String displayName, int capacity, int load, OffsetDateTime idleSince) {

  public boolean hasFreeCapacity() {
    return load < capacity;
  }
}
