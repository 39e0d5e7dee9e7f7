package dev.tempodesk.workflows.sla;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    long after = input.afterNumber();
    int done = 0;
    while (true) {
      List<Long> page =
          pages.liveTickets(new TicketPageRequest(input.selection(), after, input.pageSize()));
      if (page.isEmpty()) {
        break;
      }
      signal(page, input.parallelism());
      after = page.getLast();
      done++;
      if (page.size() < input.pageSize()) {
        break;
      }
      if (done >= input.pagesBeforeContinueAsNew()
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(input.resumingAfter(after, progress));
      }
    }
    progress = progress.done();
    return progress;
  }

  @Override
  public RecalculationProgress progress() {
    return progress;
  }

  private void signal(List<Long> page, int parallelism) {
    List<Long> pending = page;
    for (int attempt = 1; ; attempt++) {
      SignalOutcome outcome = signalInParallel(pending, parallelism);
      progress = progress.delivered(outcome);
      if (outcome.failed().isEmpty()) {
        return;
      }
      if (attempt == SIGNAL_ATTEMPTS) {
        progress = progress.gaveUp(outcome.failed());
        return;
      }
      pending = outcome.failed().stream().map(FailedSignal::ticket).toList();
      Workflow.sleep(Duration.ofSeconds(1L << (attempt - 1)));
    }
  }

  private SignalOutcome signalInParallel(List<Long> tickets, int parallelism) {
    int size = Math.max(1, (tickets.size() + parallelism - 1) / Math.max(1, parallelism));
    List<Promise<SignalOutcome>> batches = new ArrayList<>();
    for (int from = 0; from < tickets.size(); from += size) {
      SignalBatch batch =
          new SignalBatch(
              progress.reason(),
              List.copyOf(tickets.subList(from, Math.min(tickets.size(), from + size))));
      batches.add(Async.function(signals::signalTickets, batch));
    }
    SignalOutcome all = SignalOutcome.none();
    for (Promise<SignalOutcome> batch : batches) {
      all = all.plus(batch.get());
    }
    return all;
  }
}
