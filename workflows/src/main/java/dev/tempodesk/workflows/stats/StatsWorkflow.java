package dev.tempodesk.workflows.stats;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One run for the whole system (id {@link #WORKFLOW_ID}): computes the figures of every completed
 * hour, backfilling hours it missed, then sleeps on a durable timer until the next hour is due.
 */
@WorkflowInterface
public interface StatsWorkflow {
  String WORKFLOW_ID = "stats";

  @WorkflowMethod
  void run(StatsInput input);
}
