package dev.tempodesk.workflows.bulk;

import java.util.List;

/**
 * What became of a {@link BulkBatch}: tickets changed, refused (by the ticket's rules, the agent's
 * rights or, on the last attempt, a lasting error; each recorded with its reason) and those that
 * failed for a reason that may pass (not recorded; tried again).
 */
public record BulkBatchOutcome(int applied, int refused, List<Long> failed) {
  public BulkBatchOutcome {
    failed = List.copyOf(failed);
  }
}
