package dev.tempodesk.workflows.ticket;

import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the workflow's search attributes and memo in step with its ticket, writing only what
 * changed (each write is a command in the history). Runs that started before this existed replay
 * without it.
 */
final class TicketVisibility {
  static final String CHANGE_ID = "search-attributes";
  private static final int WITH_SEARCH_ATTRIBUTES = 1;

  private final VersionGate version = new VersionGate(CHANGE_ID, WITH_SEARCH_ATTRIBUTES);
  private Shown shown;

  private record Shown(String status, String priority, String assignee, boolean slaBreached) {
    static Shown of(TicketState ticket) {
      return new Shown(
          ticket.status.name(),
          ticket.priority.name(),
          ticket.assigneeId == null ? null : ticket.assigneeId.toString(),
          (ticket.assignClock != null && ticket.assignClock.breached)
              || (ticket.resolveClock != null && ticket.resolveClock.breached));
    }
  }

  void show(TicketState ticket) {
    if (!version.on()) {
      return;
    }
    Shown now = Shown.of(ticket);
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>(4);
    if (shown == null) {
      Workflow.upsertMemo(Map.of(TicketSearchAttributes.SUBJECT_MEMO, ticket.subject));
    }
    if (shown == null || !now.status.equals(shown.status)) {
      updates.add(TicketSearchAttributes.STATUS.valueSet(now.status));
    }
    if (shown == null || !now.priority.equals(shown.priority)) {
      updates.add(TicketSearchAttributes.PRIORITY.valueSet(now.priority));
    }
    if (shown == null || !Objects.equals(now.assignee, shown.assignee)) {
      updates.add(
          now.assignee == null
              ? TicketSearchAttributes.ASSIGNEE.valueUnset()
              : TicketSearchAttributes.ASSIGNEE.valueSet(now.assignee));
    }
    if (shown == null || now.slaBreached != shown.slaBreached) {
      updates.add(TicketSearchAttributes.SLA_BREACHED.valueSet(now.slaBreached));
    }
    if (!updates.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
    }
    shown = now;
  }
}
