package dev.tempodesk.workflows.sla;

import dev.tempodesk.workflows.paging.TicketPaging;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Pages of live tickets by number; each page split into {@code parallelism} batches signalled by
 * activities at the same time. The tickets of a page that failed are signalled again after a
 * growing pause, {@link #SIGNAL_ATTEMPTS} times in all, then counted as failed; the next page
 * follows either way. Continues as new every {@code pagesBeforeContinueAsNew} pages.
 */
public class SlaRecalculationWorkflowImpl implements SlaRecalculationWorkflow {
  /** Attempts at signalling one ticket (a failed one waits 1 s, then 2 s …) before it counts. */
  public static final int SIGNAL_ATTEMPTS = 3;

  private static final RetryOptions ACTIVITY_RETRIES =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  private final SlaRecalculationActivities pages =
      Workflow.newActivityStub(
          SlaRecalculationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(ACTIVITY_RETRIES)
              .build());

  private final SlaRecalculationActivities signals =
      Workflow.newActivityStub(
          SlaRecalculationActivities.class,
          ActivityOptions.newBuilder()
              // A batch of a few hundred signals; a stuck worker is noticed by its heartbeats.
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setHeartbeatTimeout(Duration.ofSeconds(30))
              .setRetryOptions(ACTIVITY_RETRIES)
              .build());

  private RecalculationProgress progress;

  @Override
  public RecalculationProgress recalculate(RecalculationInput input) {
    progress = input.progress();
    OptionalLong stoppedAfter =
        TicketPaging.walk(
            input.afterNumber(),
            input.pageSize(),
            input.pagesBeforeContinueAsNew(),
            after ->
                pages.liveTickets(
                    new TicketPageRequest(input.selection(), after, input.pageSize())),
            page -> signal(page, input.parallelism()));
    if (stoppedAfter.isPresent()) {
      Workflow.continueAsNew(input.resumingAfter(stoppedAfter.getAsLong(), progress));
    }
    progress = progress.done();
    return progress;
  }

  @Override
  public RecalculationProgress progress() {
    return progress;
  }

  private void signal(List<Long> page, int parallelism) {
    TicketPaging.withAttempts(
        page,
        SIGNAL_ATTEMPTS,
        (pending, attempt) -> {
          SignalOutcome outcome =
              TicketPaging.inParallel(
                      pending,
                      parallelism,
                      batch -> signals.signalTickets(new SignalBatch(progress.reason(), batch)))
                  .stream()
                  .reduce(SignalOutcome.none(), SignalOutcome::plus);
          progress = progress.delivered(outcome);
          if (attempt == SIGNAL_ATTEMPTS && !outcome.failed().isEmpty()) {
            progress = progress.gaveUp(outcome.failed());
          }
          return outcome.failed().stream().map(FailedSignal::ticket).toList();
        });
  }
}
