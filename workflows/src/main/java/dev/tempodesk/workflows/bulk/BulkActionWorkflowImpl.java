package dev.tempodesk.workflows.bulk;

import dev.tempodesk.workflows.paging.TicketPaging;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Pages of the action's undecided tickets by number, each split into {@code parallelism} batches
 * changed by activities at the same time ({@link TicketPaging}, the loop of the SLA recalculation).
 * A ticket that failed for a passing reason is tried again after a growing pause, {@link #ATTEMPTS}
 * times in all; the last attempt records it as refused with the error.
 */
public class BulkActionWorkflowImpl implements BulkActionWorkflow {
  /** Attempts at changing one ticket before it is recorded as refused. */
  public static final int ATTEMPTS = 3;

  private static final RetryOptions ACTIVITY_RETRIES =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  private final BulkActionActivities store =
      Workflow.newActivityStub(
          BulkActionActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(ACTIVITY_RETRIES)
              .build());

  private final BulkActionActivities changes =
      Workflow.newActivityStub(
          BulkActionActivities.class,
          ActivityOptions.newBuilder()
              // A batch of tens of updates; a stuck worker is noticed by its heartbeats.
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setHeartbeatTimeout(Duration.ofSeconds(30))
              .setRetryOptions(ACTIVITY_RETRIES)
              .build());

  @Override
  public void run(BulkActionInput input) {
    long action = input.actionId();
    OptionalLong stoppedAfter =
        TicketPaging.walk(
            input.afterNumber(),
            input.pageSize(),
            input.pagesBeforeContinueAsNew(),
            after -> store.undecidedTickets(action, after, input.pageSize()),
            page -> apply(action, page, input.parallelism()));
    if (stoppedAfter.isPresent()) {
      Workflow.continueAsNew(input.resumingAfter(stoppedAfter.getAsLong()));
    }
    store.finish(action);
  }

  private void apply(long action, List<Long> page, int parallelism) {
    TicketPaging.withAttempts(
        page,
        ATTEMPTS,
        (pending, attempt) ->
            TicketPaging.inParallel(
                    pending,
                    parallelism,
                    batch -> changes.applyBatch(new BulkBatch(action, batch, attempt == ATTEMPTS)))
                .stream()
                .flatMap(outcome -> outcome.failed().stream())
                .toList());
  }
}
