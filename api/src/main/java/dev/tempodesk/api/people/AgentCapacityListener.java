package dev.tempodesk.api.people;

/**
 * Told when an agent was added or their capacity, availability or active flag changed, so that
 * auto-assignment can hand waiting tickets to the capacity that may have freed. Implement it as a
 * bean; every implementation is called after the change is committed.
 */
public interface AgentCapacityListener {
  void agentCapacityChanged(long agentId);
}
