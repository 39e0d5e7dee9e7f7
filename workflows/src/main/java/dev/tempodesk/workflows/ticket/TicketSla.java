package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SLA rules of DESIGN.md section 4 and issue 18 applied to a ticket's clocks, the one home of
 * which clock runs when.
 *
 * <p><b>Before policies</b> ({@code ticket.sla == null}, runs started before issue 18): two clocks
 * counting round the clock. Both run while the ticket is NEW or OPEN and pause otherwise; the
 * assign clock stops for good at the first assignment. The resolve clock pauses at CLOSED and a
 * reopened ticket resumes it with the time it had left, so closing and reopening neither gains nor
 * loses SLA time.
 *
 * <p><b>With a policy</b> ({@link AppliedSla}): up to four clocks counting business time of the
 * policy's calendar, one per metric the policy sets a target for at the ticket's priority (a clock
 * is null without one):
 *
 * <ul>
 *   <li>TIME_TO_ASSIGN from creation to the first assignment;
 *   <li>FIRST_RESPONSE from creation to the first public agent reply;
 *   <li>NEXT_REPLY from the oldest customer message not answered yet ({@code awaitingReplySince},
 *       noted only once the ticket had its first response) to the next public agent reply: each
 *       such cycle is a fresh clock with fresh alarms; between cycles the clock is stopped;
 *   <li>RESOLUTION from creation to CLOSED.
 * </ul>
 *
 * A counting clock runs while the ticket is NEW or OPEN; while PENDING for reason R it pauses iff
 * the policy's {@link SlaPolicyRules#pauses}(metric, R); at CLOSED every clock pauses, and a
 * reopened ticket resumes each with the business time it had left (so a customer message left
 * unanswered at closing still counts once the ticket is reopened). A priority change re-targets
 * every clock by the DESIGN.md rule in business time. Applying another policy (or another version
 * of the same one) pauses each clock under the old calendar, re-targets it and resumes it under the
 * new one.
 */
public final class TicketSla {

  /** Which clock an alarm belongs to; the name appears in the audit event (issue 18 contract B). */
  public enum ClockName {
    ASSIGN(SlaMetric.TIME_TO_ASSIGN, "assign"),
    FIRST_RESPONSE(SlaMetric.FIRST_RESPONSE, "firstResponse"),
    NEXT_REPLY(SlaMetric.NEXT_REPLY, "nextReply"),
    RESOLVE(SlaMetric.RESOLUTION, "resolve");

    private final SlaMetric metric;
    private final String flagPrefix;

    ClockName(SlaMetric metric, String flagPrefix) {
      this.metric = metric;
      this.flagPrefix = flagPrefix;
    }

    public SlaMetric metric() {
      return metric;
    }

    /** The prefix of the clock's fields in the audit trail, e.g. {@code firstResponse}. */
    public String flagPrefix() {
      return flagPrefix;
    }

    public static ClockName of(SlaMetric metric) {
      for (ClockName name : values()) {
        if (name.metric == metric) {
          return name;
        }
      }
      throw new IllegalArgumentException(String.valueOf(metric));
    }
  }

  /**
   * An alarm that is due on one clock.
   *
   * @param cycleStart for a NEXT_REPLY breach, the start of the cycle it breaches; else null
   */
  public record DueAlarm(ClockName clock, SlaClock.Alarm alarm, Instant cycleStart) {
    public DueAlarm(ClockName clock, SlaClock.Alarm alarm) {
      this(clock, alarm, null);
    }

    public TicketEvent.Kind eventKind() {
      return alarm == SlaClock.Alarm.WARNING
          ? TicketEvent.Kind.SLA_WARNING
          : TicketEvent.Kind.SLA_BREACHED;
    }

    /** The audit comment, e.g. {@code RESOLVE SLA BREACH}. */
    public String comment() {
      return "%s SLA %s".formatted(clock, alarm);
    }

    /**
     * The flag it sets, e.g. {@code resolveBreached}, as shown in the audit trail; a next-reply
     * breach also names the start of its cycle ({@code nextReplyCycleStart}).
     */
    public List<FieldChange> changes() {
      String flag = clock.flagPrefix() + (alarm == SlaClock.Alarm.WARNING ? "Warned" : "Breached");
      FieldChange fired = new FieldChange(flag, "false", "true");
      return cycleStart == null
          ? List.of(fired)
          : List.of(fired, new FieldChange("nextReplyCycleStart", null, cycleStart.toString()));
    }
  }

  private TicketSla() {}

  /**
   * Creates the clocks a ticket does not have yet (a new ticket, or one re-created from a row
   * written before SLAs existed), counted from its creation, and brings them in line with its
   * status. Before policies only.
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
   * The configured defaults as an applied policy: today's per-priority targets (time to assign and
   * resolution), every pending reason pausing every metric, round the clock. A ticket no policy
   * matches runs on these, exactly as tickets did before policies.
   */
  public static AppliedSla defaults(SlaPolicy configured) {
    return new AppliedSla(
        null,
        DEFAULT_POLICY_NAME,
        null,
        DEFAULT_CALENDAR_NAME,
        SlaPolicyRules.of(DEFAULT_POLICY_NAME, 0, 0, configured),
        SlaClock.ROUND_THE_CLOCK);
  }

  public static final String DEFAULT_POLICY_NAME = "Default (configuration)";
  public static final String DEFAULT_CALENDAR_NAME = "Round the clock";

  /**
   * Puts the ticket under {@code sla} at {@code now}. Applied for the first time, a clock counts
   * from creation (next reply: from {@code awaitingReplySince}) unless its metric is fulfilled
   * already; a clock left by a run from before policies that still runs exactly as it started (the
   * ticket's opening starts them round the clock) is counted again from creation, one that paused
   * or changed is re-timed like any other. Re-timing a clock pauses it under the ticket's current
   * calendar, applies the new target by the priority rule and resumes it under the new calendar if
   * it runs. A metric that gains a target later starts with its whole target at {@code now} (the
   * escalation rule, reading no target as an unlimited one); one that loses it drops its clock.
   */
  public static void apply(TicketState ticket, AppliedSla sla, Instant now) {
    boolean first = ticket.sla == null;
    BusinessCalendar before = calendar(ticket);
    for (ClockName name : ClockName.values()) {
      Duration target = sla.rules().target(ticket.priority, name.metric()).orElse(null);
      SlaClock clock = clockOf(ticket, name);
      if (first && clock != null && untouchedSinceCreation(ticket, clock)) {
        clock = null;
      }
      if (target == null) {
        clock = null;
      } else if (clock == null) {
        clock =
            first
                ? fromCreation(ticket, name, target, sla.calendar())
                : fromNow(ticket, name, target, now, sla.calendar());
      } else {
        clock.pause(now, before);
        clock.retarget(target, now, before);
      }
      setClock(ticket, name, clock);
    }
    ticket.sla = sla;
    settle(ticket, now);
  }

  /**
   * Moves {@code next}'s clocks for the change from {@code before}; no-op for untracked tickets.
   */
  public static void follow(TicketState before, TicketState next, SlaPolicy policy, Instant now) {
    if (next.sla != null) {
      followPolicy(before, next, now);
      return;
    }
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

  private static void followPolicy(TicketState before, TicketState next, Instant now) {
    if (before.priority != next.priority) {
      apply(next, next.sla, now);
    }
    Duration nextReplyTarget = target(next, ClockName.NEXT_REPLY);
    if (before.awaitingReplySince == null
        && next.awaitingReplySince != null
        && nextReplyTarget != null) {
      next.nextReplyClock =
          SlaClock.startedAt(next.awaitingReplySince, nextReplyTarget, next.sla.calendar());
    }
    settle(next, now);
  }

  /**
   * Notes a customer message at {@code at} (policies only): it is the oldest one waiting for a
   * reply unless one already waits or the ticket has had no first response yet (the first-response
   * clock covers those). Returns the audit change when it starts a next-reply clock (the policy
   * sets a target), else null: noted without one, it shows in the next recorded change.
   */
  public static FieldChange customerWrote(TicketState next, Instant at) {
    if (next.sla == null || next.awaitingReplySince != null || next.firstResponseAt == null) {
      return null;
    }
    next.awaitingReplySince = at;
    return target(next, ClockName.NEXT_REPLY) == null
        ? null
        : new FieldChange("awaitingReplySince", null, at.toString());
  }

  /** A public agent reply answers every waiting customer message: the next-reply cycle ends. */
  public static void agentReplied(TicketState next) {
    if (next.sla != null) {
      next.awaitingReplySince = null;
    }
  }

  /**
   * How applying a policy changed the ticket's SLA, for the audit trail: the policy and calendar
   * (by name) and each clock's target and due instant that differ. Empty when nothing but the
   * policy's copy changed.
   */
  public static List<FieldChange> changes(TicketState before, TicketState after) {
    List<FieldChange> changes = new ArrayList<>();
    add(changes, "slaPolicy", policyName(before), policyName(after));
    add(changes, "slaCalendar", calendarName(before), calendarName(after));
    for (ClockName name : ClockName.values()) {
      SlaClock was = clockOf(before, name);
      SlaClock is = clockOf(after, name);
      add(
          changes,
          name.flagPrefix() + "Target",
          was == null ? null : was.target,
          is == null ? null : is.target);
      add(
          changes,
          name.flagPrefix() + "DueAt",
          was == null ? null : was.dueAt,
          is == null ? null : is.dueAt);
      add(
          changes,
          name.flagPrefix() + "Remaining",
          was == null ? null : was.remaining,
          is == null ? null : is.remaining);
    }
    return changes;
  }

  /** The calendar the ticket's clocks count in: round the clock before policies. */
  public static BusinessCalendar calendar(TicketState ticket) {
    return ticket.sla == null || ticket.sla.calendar() == null
        ? SlaClock.ROUND_THE_CLOCK
        : ticket.sla.calendar();
  }

  /** The earliest alarm not fired yet, or null. */
  public static Instant nextAlarmAt(TicketState ticket) {
    BusinessCalendar calendar = calendar(ticket);
    Instant next = null;
    for (SlaClock clock : clocks(ticket)) {
      Instant at = clock.nextAlarmAt(calendar);
      if (at != null && (next == null || at.isBefore(next))) {
        next = at;
      }
    }
    return next;
  }

  /** Every alarm due at {@code now}, in the order they fire. */
  public static List<DueAlarm> dueAlarms(TicketState ticket, Instant now) {
    BusinessCalendar calendar = calendar(ticket);
    TicketState probe = ticket.copy();
    List<DueAlarm> due = new ArrayList<>();
    for (ClockName name : ClockName.values()) {
      SlaClock clock = clockOf(probe, name);
      if (clock == null) {
        continue;
      }
      for (SlaClock.Alarm alarm = clock.dueAlarm(now, calendar);
          alarm != null;
          alarm = clock.dueAlarm(now, calendar)) {
        clock.markFired(alarm);
        boolean cycleBreach = name == ClockName.NEXT_REPLY && alarm == SlaClock.Alarm.BREACH;
        due.add(new DueAlarm(name, alarm, cycleBreach ? ticket.awaitingReplySince : null));
      }
    }
    return due;
  }

  public static void fire(TicketState ticket, DueAlarm alarm) {
    clockOf(ticket, alarm.clock()).markFired(alarm.alarm());
  }

  public static SlaClock clockOf(TicketState ticket, ClockName name) {
    return switch (name) {
      case ASSIGN -> ticket.assignClock;
      case FIRST_RESPONSE -> ticket.firstResponseClock;
      case NEXT_REPLY -> ticket.nextReplyClock;
      case RESOLVE -> ticket.resolveClock;
    };
  }

  private static void setClock(TicketState ticket, ClockName name, SlaClock clock) {
    switch (name) {
      case ASSIGN -> ticket.assignClock = clock;
      case FIRST_RESPONSE -> ticket.firstResponseClock = clock;
      case NEXT_REPLY -> ticket.nextReplyClock = clock;
      case RESOLVE -> ticket.resolveClock = clock;
    }
  }

  /** Whether a clock may count now, by the ticket's status (and pending reason, with a policy). */
  static boolean runs(TicketState ticket, ClockName name) {
    return switch (ticket.status) {
      case NEW, OPEN -> true;
      case PENDING ->
          ticket.sla != null
              && ticket.pendingReason != null
              && !ticket.sla.rules().pauses(name.metric(), ticket.pendingReason);
      case CLOSED -> false;
    };
  }

  private static Duration target(TicketState ticket, ClockName name) {
    return ticket.sla.rules().target(ticket.priority, name.metric()).orElse(null);
  }

  private static SlaClock fromCreation(
      TicketState ticket, ClockName name, Duration target, BusinessCalendar calendar) {
    Instant start =
        switch (name) {
          case ASSIGN -> ticket.assignedAt == null ? ticket.createdAt : null;
          case FIRST_RESPONSE -> ticket.firstResponseAt == null ? ticket.createdAt : null;
          case NEXT_REPLY -> waitingCycleStart(ticket);
          case RESOLVE -> ticket.createdAt;
        };
    return start == null ? SlaClock.stopped(target) : SlaClock.startedAt(start, target, calendar);
  }

  private static SlaClock fromNow(
      TicketState ticket, ClockName name, Duration target, Instant now, BusinessCalendar calendar) {
    boolean fulfilled =
        switch (name) {
          case ASSIGN -> ticket.assignedAt != null;
          case FIRST_RESPONSE -> ticket.firstResponseAt != null;
          case NEXT_REPLY -> waitingCycleStart(ticket) == null;
          case RESOLVE -> false;
        };
    return fulfilled ? SlaClock.stopped(target) : SlaClock.startedAt(now, target, calendar);
  }

  private static Instant waitingCycleStart(TicketState ticket) {
    return ticket.firstResponseAt == null ? null : ticket.awaitingReplySince;
  }

  /** A clock the ticket's opening started round the clock and nothing has moved since. */
  private static boolean untouchedSinceCreation(TicketState ticket, SlaClock clock) {
    return clock.running()
        && !clock.warned
        && !clock.breached
        && clock.dueAt.equals(ticket.createdAt.plus(clock.target));
  }

  private static void settle(TicketState ticket, Instant now) {
    if (ticket.assignedAt != null && ticket.assignClock != null) {
      ticket.assignClock.stop();
    }
    if (ticket.sla != null) {
      if (ticket.firstResponseAt != null && ticket.firstResponseClock != null) {
        ticket.firstResponseClock.stop();
      }
      if (ticket.awaitingReplySince == null && ticket.nextReplyClock != null) {
        ticket.nextReplyClock.stop();
      }
    }
    BusinessCalendar calendar = calendar(ticket);
    for (ClockName name : ClockName.values()) {
      SlaClock clock = clockOf(ticket, name);
      if (clock == null) {
        continue;
      }
      if (runs(ticket, name)) {
        clock.resume(now, calendar);
      } else {
        clock.pause(now, calendar);
      }
    }
  }

  private static List<SlaClock> clocks(TicketState ticket) {
    List<SlaClock> clocks = new ArrayList<>(4);
    for (ClockName name : ClockName.values()) {
      SlaClock clock = clockOf(ticket, name);
      if (clock != null) {
        clocks.add(clock);
      }
    }
    return clocks;
  }

  private static String policyName(TicketState ticket) {
    return ticket.sla == null ? null : ticket.sla.policyName();
  }

  private static String calendarName(TicketState ticket) {
    return ticket.sla == null ? null : ticket.sla.calendarName();
  }

  private static void add(List<FieldChange> changes, String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      changes.add(
          new FieldChange(
              field, from == null ? null : from.toString(), to == null ? null : to.toString()));
    }
  }
}
