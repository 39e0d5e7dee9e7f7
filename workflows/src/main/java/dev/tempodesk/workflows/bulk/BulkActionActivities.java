package dev.tempodesk.workflows.bulk;

import io.temporal.activity.ActivityInterface;
import java.util.List;

@ActivityInterface
public interface BulkActionActivities {

  /** The action's tickets without an outcome above {@code after}, ascending, at most limit. */
  List<Long> undecidedTickets(long actionId, long after, int limit);

  /**
   * Makes the action's change to each ticket as {@code PATCH /api/tickets/{number}} does (the
   * ticket workflow's update, with the starting agent's rights) and records each outcome,
   * heartbeating after each. A ticket that already has an outcome is skipped, and one changed by an
   * earlier attempt that died before recording it is recognized, so no change is made twice.
   */
  BulkBatchOutcome applyBatch(BulkBatch batch);

  /** Marks the action finished. */
  void finish(long actionId);
}
