package dev.tempodesk.workflows.ticket;

import java.time.Instant;
import java.util.List;

/**
 * The ticket workflow's door to {@link TicketSla}. SLA alarms add timers and events, so runs that
 * started before them must replay without: the version is decided once, by the main method as it
 * starts, and the clocks start in the same step. Handlers wait for that ({@link #decided}): an
 * update delivered with the start can run before the main method, and one planned from a state
 * without clocks would drop them when it is adopted.
 */
final class SlaTracker {
  static final String CHANGE_ID = "sla-clocks";
  private static final int WITH_SLA_CLOCKS = 1;

  private final SlaPolicy policy;
  private final VersionGate version = new VersionGate(CHANGE_ID, WITH_SLA_CLOCKS);

  SlaTracker(SlaPolicy policy) {
    this.policy = policy;
  }

  boolean decided() {
    return version.decided();
  }

  /** Decides the version and starts the clocks; call first thing in the main method. */
  void start(TicketState ticket, Instant now) {
    if (version.on()) {
      TicketSla.start(ticket, policy, now);
    }
  }

  void follow(TicketState before, TicketState next, Instant now) {
    if (version.onIfDecided()) {
      TicketSla.follow(before, next, policy, now);
    }
  }

  /** The earlier of {@code lifecycleDeadline} and the ticket's next SLA alarm. */
  Instant earliest(Instant lifecycleDeadline, TicketState ticket) {
    Instant alarm = version.onIfDecided() ? TicketSla.nextAlarmAt(ticket) : null;
    if (alarm == null) {
      return lifecycleDeadline;
    }
    return lifecycleDeadline != null && lifecycleDeadline.isBefore(alarm)
        ? lifecycleDeadline
        : alarm;
  }

  List<TicketSla.DueAlarm> dueAlarms(TicketState ticket, Instant now) {
    return version.onIfDecided() ? TicketSla.dueAlarms(ticket, now) : List.of();
  }
}
