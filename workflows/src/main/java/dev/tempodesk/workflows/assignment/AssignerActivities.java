package dev.tempodesk.workflows.assignment;

import io.temporal.activity.ActivityInterface;

/** The assignment decision against Postgres and the ticket workflows. */
@ActivityInterface
public interface AssignerActivities {

  /**
   * Settles reservations left by an earlier, interrupted pass, then matches waiting tickets with
   * available agents that have free capacity and asks each ticket workflow to accept its agent.
   * Safe to repeat at any time.
   */
  AssignmentPassResult assignWaitingTickets();
}
