package dev.tempodesk.api.lifecycle;

import java.time.Instant;

/**
 * One thing that happened to a workflow, in plain words (issue 22).
 *
 * @param at when Temporal recorded it
 * @param kind what sort of thing it was (see README, "Lifecycle view")
 * @param title the sentence shown in the timeline
 * @param detail more about it (a failure message, the attempts, what a timer waits for); may be
 *     null
 * @param runId the run of the workflow it belongs to
 * @param eventId the id of its event in that run's Temporal history
 */
public record LifecycleEntry(
    Instant at, Kind kind, String title, String detail, String runId, long eventId) {

  public enum Kind {
    /** The run started: the first run of the workflow, or the next after a continue-as-new. */
    STARTED,
    SIGNAL_RECEIVED,
    UPDATE_APPLIED,
    /** The update's handler refused it (validator refusals never reach the history). */
    UPDATE_REFUSED,
    /** An update accepted and still running. */
    UPDATE_RUNNING,
    TIMER_SET,
    TIMER_FIRED,
    /** A timer no longer needed (its deadline moved), cancelled before it fired. */
    TIMER_CANCELLED,
    ACTIVITY_COMPLETED,
    ACTIVITY_FAILED,
    /** Scheduled and not finished yet (with its attempt and last failure while it retries). */
    ACTIVITY_RUNNING,
    CONTINUED_AS_NEW,
    /** The workflow ended: completed, failed, terminated, cancelled or timed out. */
    ENDED,
    /** The workflow code failed a task (a bug or non-determinism); Temporal retries it. */
    WORKFLOW_TASK_FAILED
  }
}
