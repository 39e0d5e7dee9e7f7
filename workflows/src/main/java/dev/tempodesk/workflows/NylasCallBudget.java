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
 * {@link #LONGEST_RETRY_WAIT}): {@link #LONGEST_CALL} in all, which start-to-close timeouts allow
 * for. Activities that call Nylas heartbeat every {@link #BEAT_EVERY} all through a call, during
 * its attempts and its sleeps alike (the client reports both), so their {@link #HEARTBEAT_TIMEOUT}
 * only has to exceed that beat, not the call: a slow call is never taken for a dead worker, and a
 * dead worker is still noticed within seconds (a timeout above the longest attempt, 130 s, would
 * leave a crashed worker's pass unnoticed for two minutes).
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

  /** How often an activity heartbeats while it waits for Nylas. */
  public static final Duration BEAT_EVERY = Duration.ofSeconds(5);

  /** For activities that heartbeat all through their Nylas calls: four missed beats. */
  public static final Duration HEARTBEAT_TIMEOUT = BEAT_EVERY.multipliedBy(4);

  private NylasCallBudget() {}

  /** A start-to-close timeout for an activity that makes up to {@code calls} Nylas calls. */
  public static Duration startToClose(int calls) {
    return LONGEST_CALL.multipliedBy(calls).plusMinutes(1);
  }
}
