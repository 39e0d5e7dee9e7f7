package dev.tempodesk.workflows.paging;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Workflow code that works through tickets keyset-paged by number, each page in a few parallel
 * batches, with bounded attempts per ticket: the one loop of the SLA recalculation (issue 18) and
 * bulk actions (issue 19). Call it from workflow methods only (it schedules activities and timers).
 */
public final class TicketPaging {
  private static final RetryOptions ACTIVITY_RETRIES =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  /** Options of a paged workflow's bookkeeping activities (one short write each). */
  public static final ActivityOptions BOOKKEEPING =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(ACTIVITY_RETRIES)
          .build();

  /**
   * Options of the activities that change a page of tickets; a stuck worker shows by heartbeats.
   */
  public static final ActivityOptions PAGE_WORK =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(ACTIVITY_RETRIES)
          .build();

  private TicketPaging() {}

  /**
   * Reads pages with {@code nextPage(after)} and hands each to {@code eachPage}, until a page is
   * empty or shorter than {@code pageSize}. Stops early after {@code pagesBeforeContinueAsNew}
   * pages or when Temporal suggests continuing as new.
   *
   * @return the last number handled when it stopped early (continue as new after it); empty when
   *     every page is done
   */
  public static OptionalLong walk(
      long after,
      int pageSize,
      int pagesBeforeContinueAsNew,
      LongFunction<List<Long>> nextPage,
      Consumer<List<Long>> eachPage) {
    int done = 0;
    while (true) {
      List<Long> page = nextPage.apply(after);
      if (page.isEmpty()) {
        return OptionalLong.empty();
      }
      eachPage.accept(page);
      after = page.getLast();
      done++;
      if (page.size() < pageSize) {
        return OptionalLong.empty();
      }
      if (done >= pagesBeforeContinueAsNew || Workflow.getInfo().isContinueAsNewSuggested()) {
        return OptionalLong.of(after);
      }
    }
  }

  /**
   * Gives {@code tickets} to {@code attempt} until none fails, at most {@code attempts} times: the
   * failed ones of an attempt (its result) are tried again after a growing pause (1 s, 2 s, 4 s …).
   *
   * @param attempt runs one attempt (the tickets, the attempt's number from 1) and answers the
   *     tickets that failed
   */
  public static void withAttempts(
      List<Long> tickets, int attempts, BiFunction<List<Long>, Integer, List<Long>> attempt) {
    List<Long> pending = tickets;
    for (int n = 1; ; n++) {
      List<Long> failed = attempt.apply(pending, n);
      if (failed.isEmpty() || n == attempts) {
        return;
      }
      pending = failed;
      Workflow.sleep(Duration.ofSeconds(1L << (n - 1)));
    }
  }

  /**
   * Splits {@code tickets} into at most {@code parallelism} batches of about the same size, starts
   * {@code batch} on each at the same time and answers their results in order.
   */
  public static <R> List<R> inParallel(
      List<Long> tickets, int parallelism, Function<List<Long>, R> batch) {
    int size = Math.max(1, (tickets.size() + parallelism - 1) / Math.max(1, parallelism));
    List<Promise<R>> running = new ArrayList<>();
    for (int from = 0; from < tickets.size(); from += size) {
      List<Long> part = List.copyOf(tickets.subList(from, Math.min(tickets.size(), from + size)));
      running.add(Async.function(batch::apply, part));
    }
    List<R> results = new ArrayList<>();
    for (Promise<R> each : running) {
      results.add(each.get());
    }
    return results;
  }
}
