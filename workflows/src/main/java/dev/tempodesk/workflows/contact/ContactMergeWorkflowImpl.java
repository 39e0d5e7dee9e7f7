package dev.tempodesk.workflows.contact;

import dev.tempodesk.workflows.paging.TicketPaging;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The merged contact's tickets by number, a page at a time ({@link TicketPaging}, the loop of bulk
 * actions); a ticket that failed for a passing reason is tried again after a growing pause, {@link
 * #ATTEMPTS} times in all, the last attempt records it as not moved.
 */
public class ContactMergeWorkflowImpl implements ContactMergeWorkflow {
  /** Attempts at moving one ticket before it is recorded as not moved. */
  public static final int ATTEMPTS = 3;

  private static final RetryOptions ACTIVITY_RETRIES =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  private final ContactMergeActivities store =
      Workflow.newActivityStub(
          ContactMergeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(ACTIVITY_RETRIES)
              .build());

  private final ContactMergeActivities moves =
      Workflow.newActivityStub(
          ContactMergeActivities.class,
          ActivityOptions.newBuilder()
              // A page of ticket updates; a stuck worker is noticed by its heartbeats.
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setHeartbeatTimeout(Duration.ofSeconds(30))
              .setRetryOptions(ACTIVITY_RETRIES)
              .build());

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
