package dev.tempodesk.workflows.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock (time to assign or time to resolve). Running, it holds its absolute deadline, so
 * that continue-as-new and the projection carry an instant rather than a duration that would go
 * stale; paused, it holds what was left. Stopped, it holds neither and never runs again. The
 * warning and breach flags only ever go from false to true: a priority change that moves the
 * deadline moves the alarms not fired yet, and never repeats one that fired.
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

  public static SlaClock startedAt(Instant start, Duration target) {
    SlaClock clock = new SlaClock();
    clock.target = target;
    clock.dueAt = start.plus(target);
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
    return running() ? Duration.between(now, dueAt) : remaining;
  }

  public void pause(Instant now) {
    if (running()) {
      remaining = Duration.between(now, dueAt);
      dueAt = null;
    }
  }

  public void resume(Instant now) {
    if (remaining != null) {
      dueAt = now.plus(remaining);
      remaining = null;
    }
  }

  public void stop() {
    dueAt = null;
    remaining = null;
  }

  /**
   * Adopts the target of a new priority (DESIGN.md section 4): a tighter target caps what is left,
   * a looser one extends it by the difference.
   */
  public void retarget(Duration newTarget, Instant now) {
    Duration left = remainingAt(now);
    if (left != null) {
      Duration adjusted =
          newTarget.compareTo(target) < 0
              ? min(left, newTarget)
              : left.plus(newTarget.minus(target));
      if (running()) {
        dueAt = now.plus(adjusted);
      } else {
        remaining = adjusted;
      }
    }
    target = newTarget;
  }

  /** When the next alarm not yet fired is due; null while paused or stopped, or all fired. */
  public Instant nextAlarmAt() {
    if (!running()) {
      return null;
    }
    if (!warned) {
      return warningAt();
    }
    return breached ? null : dueAt;
  }

  /** The alarm due at {@code now} and not fired yet, warning first; null if none. */
  public Alarm dueAlarm(Instant now) {
    Instant next = nextAlarmAt();
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

  private Instant warningAt() {
    return dueAt.minus(target.multipliedBy(100 - WARNING_PERCENT).dividedBy(100));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
