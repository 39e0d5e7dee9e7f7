import type { TicketDto } from '@/api/generated/model';
import { formatCountdown, formatSpan } from '@/utils/duration';

export type SlaTone = 'error' | 'warning' | 'info' | 'default' | 'success';

export type SlaSummary = { label: string; tone: SlaTone; description: string };

const HOUR = 3600;

/** Seconds still left, counting down from what the server computed when the data was fetched. */
export const ticking = (remaining: number | null | undefined, elapsedSeconds: number) =>
  remaining == null ? null : remaining - elapsedSeconds;

const urgency = (seconds: number): SlaTone => (seconds < 0 ? 'error' : seconds < HOUR ? 'warning' : 'info');

/**
 * The one chip a ticket row shows: the nearest deadline, overdue in red, paused while PENDING
 * (the resolve clock stops), nothing once CLOSED.
 */
export const slaSummary = (ticket: TicketDto, elapsedSeconds = 0): SlaSummary | null => {
  const sla = ticket.sla;
  if (ticket.status === 'CLOSED') return null;
  if (ticket.status === 'PENDING' && !sla.resolveBreached) {
    const left = ticking(sla.remainingSuspendedSeconds, elapsedSeconds);
    return {
      label: left == null ? 'Paused' : `Paused · ${formatSpan(Math.max(left, 0))} left`,
      tone: 'default',
      description: 'SLA clock paused while the ticket is pending',
    };
  }
  const toAssign = ticking(sla.remainingToAssignSeconds, elapsedSeconds);
  const toResolve = ticking(sla.remainingToResolveSeconds, elapsedSeconds);
  if (sla.resolveBreached || (toResolve != null && toResolve < 0)) {
    return {
      label: `Resolve ${formatCountdown(toResolve ?? 0)}`,
      tone: 'error',
      description: 'Resolution SLA breached',
    };
  }
  if (sla.assignBreached || (toAssign != null && toAssign < 0)) {
    return {
      label: `Assign ${formatCountdown(toAssign ?? 0)}`,
      tone: 'error',
      description: 'Assignment SLA breached',
    };
  }
  if (toAssign != null && (toResolve == null || toAssign <= toResolve)) {
    return {
      label: `Assign ${formatCountdown(toAssign)}`,
      tone: urgency(toAssign),
      description: 'Time left to assign',
    };
  }
  if (toResolve != null) {
    return {
      label: `Resolve ${formatCountdown(toResolve)}`,
      tone: urgency(toResolve),
      description: 'Time left to resolve',
    };
  }
  return null;
};
