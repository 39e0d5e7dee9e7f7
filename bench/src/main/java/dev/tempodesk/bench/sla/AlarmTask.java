package dev.tempodesk.bench.sla;

import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStoreActivities;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One ticket's SLA alarms on a plain scheduler: the same SLA rules and the same writes as the
 * ticket workflow's alarm step, one scheduled task at a time for the next alarm.
 */
final class AlarmTask implements Runnable {
  private final SlaPolicy policy;
  private final TicketStoreActivities store;
  private final ScheduledExecutorService timers;
  private TicketState state;

  AlarmTask(
      TicketState state,
      SlaPolicy policy,
      TicketStoreActivities store,
      ScheduledExecutorService timers) {
    this.state = state;
    this.policy = policy;
    this.store = store;
    this.timers = timers;
  }

  /** Arms the timer for the next alarm, if one is left. */
  void schedule() {
    Instant next = TicketSla.nextAlarmAt(state);
    if (next != null) {
      long delay = Duration.between(Instant.now(), next).toNanos();
      timers.schedule(this, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void run() {
    Instant now = Instant.now();
    for (TicketSla.DueAlarm alarm : TicketSla.dueAlarms(state, now)) {
      TicketState next = state.copy();
      TicketSla.fire(next, alarm);
      TicketSla.follow(state, next, policy, now);
      TicketEvent event =
          new TicketEvent(
              UUID.randomUUID().toString(),
              alarm.eventKind(),
              Actor.SYSTEM,
              alarm.comment(),
              alarm.changes(),
              now);
      store.recordChange(new TicketChangeRecord(next.copy(), event));
      state = next;
    }
    schedule();
  }
}
