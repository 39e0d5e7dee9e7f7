package dev.tempodesk.workflows.ticket;

import java.util.List;

/** The outcome of applying the update rules: the ticket afterwards, the diffs, the auto-fixes. */
public record TicketUpdatePlan(
    TicketState next, List<FieldChange> changes, List<String> autoFixes) {

  public boolean changesTicket() {
    return !changes.isEmpty();
  }
}
