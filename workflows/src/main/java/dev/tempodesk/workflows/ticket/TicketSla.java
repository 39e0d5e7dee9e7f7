package dev.tempodesk.workflows.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA rules of DESIGN.md section 4 applied to a ticket's two clocks. Both clocks run while the
 * ticket is NEW or OPEN and pause otherwise; the assign clock stops for good at the first
 * assignment. The resolve clock pauses at CLOSED and a reopened ticket resumes it with the time it
 * had left, so closing and reopening neither gains nor loses SLA time.
 */
public final class TicketSla {

  /** Which clock an alarm belongs to; the name appears in the audit event. */
  public enum ClockName {
    ASSIGN,
    RESOLVE
  }

  /** An alarm that is due on one clock. */
  public record DueAlarm(ClockName clock, SlaClock.Alarm alarm) {
    public TicketEvent.Kind eventKind() {
      return alarm == SlaClock.Alarm.WARNING
          ? TicketEvent.Kind.SLA_WARNING
          : TicketEvent.Kind.SLA_BREACHED;
    }

    /** The audit comment, e.g. {@code RESOLVE SLA BREACH}. */
    public String comment() {
      return "%s SLA %s".formatted(clock, alarm);
    }

    /** The flag it sets, e.g. {@code resolveBreached}, as shown in the audit trail. */
    public List<FieldChange> changes() {
      String clockName = clock == ClockName.ASSIGN ? "assign" : "resolve";
      String flag = clockName + (alarm == SlaClock.Alarm.WARNING ? "Warned" : "Breached");
      return List.of(new FieldChange(flag, "false", "true"));
    }
  }

  private TicketSla() {}

  /**
   * Creates the clocks a ticket does not have yet (a new ticket, or one re-created from a row
   * written before SLAs existed), counted from its creation, and brings them in line with its
   * status.
   */
  public static void start(TicketState ticket, SlaPolicy policy, Instant now) {
    SlaTargets targets = policy.targetsFor(ticket.priority);
    if (ticket.assignClock == null) {
      ticket.assignClock = SlaClock.startedAt(ticket.createdAt, targets.toAssign());
    }
    if (ticket.resolveClock == null) {
      ticket.resolveClock = SlaClock.startedAt(ticket.createdAt, targets.toResolve());
    }
    settle(ticket, now);
  }

  /**
   * Moves {@code next}'s clocks for the change from {@code before}; no-op for untracked tickets.
   */
  public static void follow(TicketState before, TicketState next, SlaPolicy policy, Instant now) {
    if (next.assignClock == null || next.resolveClock == null) {
      return;
    }
    if (before.priority != next.priority) {
      SlaTargets targets = policy.targetsFor(next.priority);
      next.assignClock.retarget(targets.toAssign(), now);
      next.resolveClock.retarget(targets.toResolve(), now);
    }
    settle(next, now);
  }

  /** The earliest alarm not fired yet, or null. */
  public static Instant nextAlarmAt(TicketState ticket) {
    Instant next = null;
    for (SlaClock clock : clocks(ticket)) {
      Instant at = clock.nextAlarmAt();
      if (at != null && (next == null || at.isBefore(next))) {
        next = at;
      }
    }
    return next;
  }

  /** Every alarm due at {@code now}, in the order they fire. */
  public static List<DueAlarm> dueAlarms(TicketState ticket, Instant now) {
    TicketState probe = ticket.copy();
    List<DueAlarm> due = new ArrayList<>();
    for (ClockName name : ClockName.values()) {
      SlaClock clock = clockOf(probe, name);
      if (clock == null) {
        continue;
      }
      for (SlaClock.Alarm alarm = clock.dueAlarm(now); alarm != null; alarm = clock.dueAlarm(now)) {
        clock.markFired(alarm);
        due.add(new DueAlarm(name, alarm));
      }
    }
    return due;
  }

  public static void fire(TicketState ticket, DueAlarm alarm) {
    clockOf(ticket, alarm.clock()).markFired(alarm.alarm());
  }

  static SlaClock clockOf(TicketState ticket, ClockName name) {
    return name == ClockName.ASSIGN ? ticket.assignClock : ticket.resolveClock;
  }

  private static void settle(TicketState ticket, Instant now) {
    if (ticket.assignedAt != null) {
      ticket.assignClock.stop();
    }
    boolean working = ticket.status == TicketStatus.NEW || ticket.status == TicketStatus.OPEN;
    for (SlaClock clock : clocks(ticket)) {
      if (working) {
        clock.resume(now);
      } else {
        clock.pause(now);
      }
    }
  }

  private static List<SlaClock> clocks(TicketState ticket) {
    List<SlaClock> clocks = new ArrayList<>(2);
    if (ticket.assignClock != null) {
      clocks.add(ticket.assignClock);
    }
    if (ticket.resolveClock != null) {
      clocks.add(ticket.resolveClock);
    }
    return clocks;
  }
}
