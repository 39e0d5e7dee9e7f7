package dev.tempodesk.workflows;

import java.time.Duration;

/**
 * How long calls to Nylas may take: the one home of the Nylas client's timing (its HTTP timeout,
 * attempts and longest retry wait are set from here) and of the timeouts of the activities that
 * call it, which must outlast a slow call or Temporal starts a second attempt beside the first.
 *
 * <p>Nylas gives up on the mail provider after 90 s and answers 504 itself (reference §0, §6), so
 * one HTTP attempt takes at most {@link #ATTEMPT_TIMEOUT}. The client tries a call up to {@link
 * #ATTEMPTS} times and sleeps between attempts (its own backoff, or a {@code Retry-After} of up to
 * {@link #LONGEST_RETRY_WAIT}). Activities that call Nylas heartbeat before and after every attempt
 * and every few seconds while the client sleeps, so the longest silence is one attempt: {@link
 * #HEARTBEAT_TIMEOUT} exceeds it, and a crashed worker is still noticed within about two minutes.
 */
public final class NylasCallBudget {
  /** One HTTP attempt, connecting included: Nylas' 90 s, the connect timeout and a margin. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(110);

  /** Attempts per call, the first included. */
  public static final int ATTEMPTS = 3;

  /** The longest {@code Retry-After} the client sleeps through; a longer one ends the call. */
  public static final Duration LONGEST_RETRY_WAIT = Duration.ofSeconds(60);

  /** One call with all its attempts and the sleeps between them. */
  public static final Duration LONGEST_CALL =
      ATTEMPT_TIMEOUT.multipliedBy(ATTEMPTS).plus(LONGEST_RETRY_WAIT.multipliedBy(ATTEMPTS - 1));

  /** For activities that heartbeat around every Nylas attempt and during retry sleeps. */
  public static final Duration HEARTBEAT_TIMEOUT = ATTEMPT_TIMEOUT.plusSeconds(20);

  private NylasCallBudget() {}

  /** A start-to-close timeout for an activity that makes up to {@code calls} Nylas calls. */
  public static Duration startToClose(int calls) {
    return LONGEST_CALL.multipliedBy(calls).plusMinutes(1);
  }
}
