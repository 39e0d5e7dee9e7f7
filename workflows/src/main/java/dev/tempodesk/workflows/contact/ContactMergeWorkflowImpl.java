package dev.tempodesk.workflows.contact;

import dev.tempodesk.workflows.paging.TicketPaging;
import io.temporal.workflow.Workflow;
import java.util.OptionalLong;

/**
 * The merged contact's tickets by number, a page at a time ({@link TicketPaging}, the loop of bulk
 * actions); a ticket that failed for a passing reason is tried again after a growing pause, {@link
 * #ATTEMPTS} times in all, the last attempt records it as not moved.
 */
public class ContactMergeWorkflowImpl implements ContactMergeWorkflow {
  /** Attempts at moving one ticket before it is recorded as not moved. */
  public static final int ATTEMPTS = 3;

  private final ContactMergeActivities store =
      Workflow.newActivityStub(ContactMergeActivities.class, TicketPaging.BOOKKEEPING);

  private final ContactMergeActivities moves =
      Workflow.newActivityStub(ContactMergeActivities.class, TicketPaging.PAGE_WORK);

  @Override
  public void run(ContactMergeInput input) {
    long merge = input.mergeId();
    if (!input.absorbed()) {
      store.absorb(merge);
    }
    OptionalLong stoppedAfter =
        TicketPaging.walk(
            input.afterNumber(),
            input.pageSize(),
            ContactMergeInput.PAGES_BEFORE_CONTINUE_AS_NEW,
            after -> store.ticketsLeft(merge, after, input.pageSize()),
            page ->
                TicketPaging.withAttempts(
                    page,
                    ATTEMPTS,
                    (pending, attempt) -> moves.moveTickets(merge, pending, attempt == ATTEMPTS)));
    if (stoppedAfter.isPresent()) {
      Workflow.continueAsNew(input.resumingAfter(stoppedAfter.getAsLong()));
    }
    store.finish(merge);
  }
}
