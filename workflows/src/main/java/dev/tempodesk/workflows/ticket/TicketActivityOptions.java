package dev.tempodesk.workflows.ticket;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Activity options shared by the ticket workflow's helpers. */
final class TicketActivityOptions {
  /** Short attempts retried without a limit: a ticket waits for its database. */
  private static final RetryOptions UNTIL_DONE =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(200))
          .setMaximumInterval(Duration.ofSeconds(30))
          .build();

  /**
   * Writes to Postgres (projection, audit event, outbound rows): short attempts, retried without a
   * limit, so a ticket waits for its database rather than losing a change.
   */
  static final ActivityOptions WRITE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(UNTIL_DONE)
          .build();

  /**
   * Reads the workflow needs before it can go on (the SLA policy): a local activity, as a server
   * round trip buys nothing for a read; retried without a limit like the writes.
   */
  static final LocalActivityOptions LOOK_UP =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(UNTIL_DONE)
          .build();

  /**
   * {@link #WRITE} as a local activity (an SLA alarm's write, see {@link SlaAlarmWrites}): the same
   * attempt timeout and backoff. The attempts are bounded explicitly: a local activity with neither
   * a maximum of attempts nor a schedule-to-close timeout is not retried at all (sdk-java#1727),
   * and a failed write would then fail the ticket's workflow.
   */
  static final LocalActivityOptions LOCAL_WRITE =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(WRITE.getStartToCloseTimeout())
          .setRetryOptions(
              RetryOptions.newBuilder(WRITE.getRetryOptions())
                  .setMaximumAttempts(Integer.MAX_VALUE)
                  .build())
          .build();

  private TicketActivityOptions() {}
}
