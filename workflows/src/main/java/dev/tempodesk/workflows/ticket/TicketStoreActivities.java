package dev.tempodesk.workflows.ticket;

import io.temporal.activity.ActivityInterface;

/** Writes of the ticket read model. Implemented in the activities module against Postgres. */
@ActivityInterface
public interface TicketStoreActivities {

  /**
   * Writes the ticket's projection row and its audit event in one transaction. Idempotent: a retry
   * with the same event id changes nothing, and an older version never overwrites a newer one.
   */
  void recordChange(TicketChangeRecord change);

  /**
   * The SLA policy governing ticket {@code ticketNumber} with these facts: the first policy by
   * position whose conditions they meet, with its calendar (issue 18). Null when none matches: the
   * configured defaults apply. A null mailbox in {@code facts} is read from the ticket's row.
   * Read-only, so the workflow may call it as a local activity.
   */
  default AppliedSla lookUpSla(long ticketNumber, SlaPolicyRules.TicketFacts facts) {
    return null;
  }
}
