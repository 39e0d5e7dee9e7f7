package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock (one metric of issue 18). Running, it holds its absolute deadline, so that
 * continue-as-new and the projection carry an instant rather than a duration that would go stale;
 * paused, it holds what was left. Stopped, it holds neither and never runs again. The warning and
 * breach flags only ever go from false to true: a priority change that moves the deadline moves the
 * alarms not fired yet, and never repeats one that fired.
 *
 * <p>Targets and what is left count business time of the ticket's calendar: a running clock holds
 * the wall-clock instant at which its business time runs out, a paused one the business time left.
 * Each method without a calendar counts round the clock, as clocks did before policies; it gives
 * the same instants as before, since round the clock business time is elapsed time.
 *
 * <p>Methods are deliberately not named like bean getters: the fields alone are the serialised
 * form.
 */
public class SlaClock {
  /** Warnings fire when this share of the target is used up. */
  static final int WARNING_PERCENT = 80;

  public enum Alarm {
    WARNING,
    BREACH
  }

  public Duration target;
  public Instant dueAt;
  public Duration remaining;
  public boolean warned;
  public boolean breached;

  /** Business time is elapsed time: the clocks of tickets without a policy (before issue 18). */
  public static final BusinessCalendar ROUND_THE_CLOCK = BusinessCalendar.alwaysOpen();

  private static final Duration NANO = Duration.ofNanos(1);

  public static SlaClock startedAt(Instant start, Duration target) {
    return startedAt(start, target, ROUND_THE_CLOCK);
  }

  /** A clock running since {@code start}: due once {@code target} of open time has passed. */
  public static SlaClock startedAt(Instant start, Duration target, BusinessCalendar calendar) {
    SlaClock clock = new SlaClock();
    clock.target = target;
    clock.dueAt = calendar.addBusinessTime(start, target);
    return clock;
  }

  /** A clock with a target that is not counting (fulfilled, or nothing to count yet). */
  public static SlaClock stopped(Duration target) {
    SlaClock clock = new SlaClock();
    clock.target = target;
    return clock;
  }

  public SlaClock copy() {
    SlaClock copy = new SlaClock();
    copy.target = target;
    copy.dueAt = dueAt;
    copy.remaining = remaining;
    copy.warned = warned;
    copy.breached = breached;
    return copy;
  }

  public boolean running() {
    return dueAt != null;
  }

  /** Running or paused; a stopped clock has nothing left to count. */
  public boolean counting() {
    return dueAt != null || remaining != null;
  }

  /** Time left at {@code now}, negative once overdue; null when stopped. */
  public Duration remainingAt(Instant now) {
    return remainingAt(now, ROUND_THE_CLOCK);
  }

  /** Business time left at {@code now}, negative once overdue; null when stopped. */
  public Duration remainingAt(Instant now, BusinessCalendar calendar) {
    return running() ? calendar.businessTimeBetween(now, dueAt) : remaining;
  }

  public void pause(Instant now) {
    pause(now, ROUND_THE_CLOCK);
  }

  /** Keeps the business time left and forgets the deadline. */
  public void pause(Instant now, BusinessCalendar calendar) {
    if (running()) {
      remaining = calendar.businessTimeBetween(now, dueAt);
      dueAt = null;
    }
  }

  public void resume(Instant now) {
    resume(now, ROUND_THE_CLOCK);
  }

  /**
   * Runs again from {@code now}: due once the business time left has passed, the earliest such
   * instant (a deadline never waits past a closing for nothing).
   */
  public void resume(Instant now, BusinessCalendar calendar) {
    if (remaining != null) {
      dueAt = calendar.addBusinessTime(now, remaining);
      remaining = null;
    }
  }

  public void stop() {
    dueAt = null;
    remaining = null;
  }

  public void retarget(Duration newTarget, Instant now) {
    retarget(newTarget, now, ROUND_THE_CLOCK);
  }

  /**
   * Adopts the target of a new priority (DESIGN.md section 4), in business time: a tighter target
   * caps what is left, a looser one extends it by the difference.
   */
  public void retarget(Duration newTarget, Instant now, BusinessCalendar calendar) {
    Duration left = remainingAt(now, calendar);
    if (left != null) {
      Duration adjusted =
          newTarget.compareTo(target) < 0
              ? min(left, newTarget)
              : left.plus(newTarget.minus(target));
      if (running()) {
        dueAt = calendar.addBusinessTime(now, adjusted);
      } else {
        remaining = adjusted;
      }
    }
    target = newTarget;
  }

  /** When the next alarm not yet fired is due; null while paused or stopped, or all fired. */
  public Instant nextAlarmAt() {
    return nextAlarmAt(ROUND_THE_CLOCK);
  }

  /** {@link #nextAlarmAt()} with the warning placed in business time. */
  public Instant nextAlarmAt(BusinessCalendar calendar) {
    if (!running()) {
      return null;
    }
    if (!warned) {
      return warningAt(calendar);
    }
    return breached ? null : dueAt;
  }

  /** The alarm due at {@code now} and not fired yet, warning first; null if none. */
  public Alarm dueAlarm(Instant now) {
    return dueAlarm(now, ROUND_THE_CLOCK);
  }

  public Alarm dueAlarm(Instant now, BusinessCalendar calendar) {
    Instant next = nextAlarmAt(calendar);
    if (next == null || now.isBefore(next)) {
      return null;
    }
    return warned ? Alarm.BREACH : Alarm.WARNING;
  }

  public void markFired(Alarm alarm) {
    if (alarm == Alarm.WARNING) {
      warned = true;
    } else {
      breached = true;
    }
  }

  /** What is left when the warning fires: the share of the target not yet used. */
  Duration warningShare() {
    return target.multipliedBy(100 - WARNING_PERCENT).dividedBy(100);
  }

  /**
   * The earliest instant from which only {@link #warningShare} of business time is left before
   * {@link #dueAt}. Counting back from the deadline gives the latest such instant, which is an
   * opening when the share ran out exactly at a closing; a nanosecond back and forth moves it to
   * that closing, as a deadline sits there too. Round the clock this is {@code dueAt - share}.
   */
  private Instant warningAt(BusinessCalendar calendar) {
    Instant latest = calendar.addBusinessTime(dueAt, warningShare().negated());
    return calendar.addBusinessTime(calendar.addBusinessTime(latest, NANO.negated()), NANO);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
