package dev.tempodesk.workflows.bulk;

import dev.tempodesk.workflows.paging.TicketPaging;
import io.temporal.workflow.Workflow;
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

  private final BulkActionActivities store =
      Workflow.newActivityStub(BulkActionActivities.class, TicketPaging.BOOKKEEPING);

  private final BulkActionActivities changes =
      Workflow.newActivityStub(BulkActionActivities.class, TicketPaging.PAGE_WORK);

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
