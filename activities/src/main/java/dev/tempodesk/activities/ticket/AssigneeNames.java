package dev.tempodesk.activities.ticket;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import java.util.Optional;

/**
 * The assignee's display name a ticket's workflow starts with (the row holds only the agent id),
 * looked up by {@link TicketWorkflowGateway} on every start from a row.
 */
@FunctionalInterface
public interface AssigneeNames {
  Optional<String> of(long agentId);

  /** For rigs whose tickets start unassigned, or that do not look at names: always unknown. */
  static AssigneeNames none() {
    return agentId -> Optional.empty();
  }

  static AssigneeNames from(AgentRepository agents) {
    return agentId -> agents.find(agentId).map(AgentsRecord::getDisplayName);
  }
}
