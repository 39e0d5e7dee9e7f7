package dev.tempodesk.api.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * What one kind of workflow's signals, updates, activities and timers mean, in plain words. A
 * vocabulary reads one run from its start to its end, in history order, and may remember what it
 * saw (the ticket's state, to tell what a timer waits for). Payloads arrive decoded by {@link
 * Payloads}; summaries never repeat customer text or note bodies.
 */
interface Vocabulary {

  /** The run started with this input. */
  default void started(Payloads.Values input) {}

  /** The title of a received signal, e.g. "Message from Carla received". */
  String signal(String name, Payloads.Values input);

  /** The title of an applied update, from its arguments and result. */
  String updateApplied(String name, Payloads.Values args, Payloads.Values result);

  /**
   * Who asked for what, e.g. "Change by Max Manager"; the title of a refused or running update,
   * which has no result to tell from.
   */
  String updateRequest(String name, Payloads.Values args);

  /** Why an update was refused, from its failure's message. */
  default String refusal(String failureMessage) {
    return failureMessage;
  }

  /** What an activity does, e.g. "Write the SLA warning to the database". */
  String activity(String type, Payloads.Values input);

  /** What a completed activity returned, in a few words; null to say nothing. */
  default String outcome(String type, Payloads.Values result) {
    return null;
  }

  /**
   * What a timer armed now for {@code delay} (until {@code deadline}) waits for; null if unknown.
   */
  String timer(Duration delay, Instant deadline);

  /**
   * When a timer whose meaning was unknown fired and this activity followed: what the timer turned
   * out to wait for, or null if the activity says nothing about it.
   */
  default String reachedBy(String activityType, Payloads.Values input) {
    return null;
  }
}
