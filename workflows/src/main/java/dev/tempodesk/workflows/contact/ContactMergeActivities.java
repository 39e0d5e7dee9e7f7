package dev.tempodesk.workflows.contact;

import io.temporal.activity.ActivityInterface;
import java.util.List;

@ActivityInterface(namePrefix = "ContactMerge")
public interface ContactMergeActivities {

  /**
   * Moves the contact-level things (addresses, organization, portal access, messages,
   * notifications) to the survivor, marks the other contact merged and ends its sessions. Once
   * done, repeating it changes nothing.
   */
  void absorb(long mergeId);

  /** The merged contact's tickets above {@code after}, ascending, at most {@code limit}. */
  List<Long> ticketsLeft(long mergeId, long after, int limit);

  /**
   * Moves each ticket to the survivor, one after the other: a live one through its workflow's
   * update (a {@code reporter} change with the merge's comment), one whose workflow has ended in
   * the read model with an audit entry. A ticket moved already is skipped.
   *
   * @param lastAttempt a ticket that fails again is recorded as not moved (shown with its error)
   * @return the tickets that failed for a reason that may pass (to try again)
   */
  List<Long> moveTickets(long mergeId, List<Long> tickets, boolean lastAttempt);

  /** DONE when no ticket is left behind, else INCOMPLETE. */
  void finish(long mergeId);
}
