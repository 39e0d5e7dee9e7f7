package dev.tempodesk.workflows.ticket;

/**
 * A requested change of assignee. {@code agent == null} means "unassign"; a request without an
 * {@code AssigneeChange} leaves the assignee alone.
 */
public record AssigneeChange(AgentRef agent) {

  public static AssigneeChange unassign() {
    return new AssigneeChange(null);
  }

  public static AssigneeChange to(AgentRef agent) {
    return new AssigneeChange(agent);
  }
}
