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
}
