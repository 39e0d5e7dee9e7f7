package dev.tempodesk.db.assignment;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * An agent as the assigner sees them: how many tickets they hold (assigned and not closed, plus
 * reservations still on their way) against their capacity — one capacity across all their groups —,
 * the groups whose tickets they may receive, and their skills.
 */
public record AgentSlot(
    long id,
    String displayName,
    int capacity,
    int load,
    OffsetDateTime idleSince,
    Set<Long> groupIds,
    Set<String> skills) {

  public AgentSlot {
    groupIds = Set.copyOf(groupIds);
    skills = Set.copyOf(skills);
  }

  public boolean hasFreeCapacity() {
    return load < capacity;
  }

  /** A member of {@code groupId} with a free slot. */
  public boolean canTakeFrom(long groupId) {
    return hasFreeCapacity() && groupIds.contains(groupId);
  }

  public boolean hasAll(Collection<String> wanted) {
    return skills.containsAll(wanted);
  }

  /** The same agent after taking one more ticket: idle since now. */
  public AgentSlot withOneMore() {
    return new AgentSlot(id, displayName, capacity, load + 1, null, groupIds, skills);
  }
}
