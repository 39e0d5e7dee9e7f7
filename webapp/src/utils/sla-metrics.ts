import { formatDateTime, formatSpan } from '@/utils/duration';
import type { SlaTone } from '@/utils/sla';

/** What an SLA target measures, in the order the API lists a ticket's clocks. */
export const SLA_METRICS = ['TIME_TO_ASSIGN', 'FIRST_RESPONSE', 'NEXT_REPLY', 'RESOLUTION'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const SLA_METRIC_LABELS: Record<SlaMetric, string> = {
  TIME_TO_ASSIGN: 'Time to assign',
  FIRST_RESPONSE: 'First response',
  NEXT_REPLY: 'Next reply',
  RESOLUTION: 'Resolution',
};

const CLOCK_STATES = ['RUNNING', 'PAUSED', 'STOPPED'] as const;
type ClockState = (typeof CLOCK_STATES)[number];

/** One SLA clock of a ticket, counted in business time (a ticket's `sla.metrics[i]`). */
export type SlaClock = {
  metric: SlaMetric;
  state: ClockState;
  targetSeconds: number;
  /** Negative once overdue; null when STOPPED. */
  remainingBusinessSeconds: number | null;
  /** The wall-clock due instant; null unless RUNNING. */
  dueAt: string | null;
  warned: boolean;
  breached: boolean;
};

export type SlaNamed = { id: number; name: string };

/** The per-metric SLA of a ticket: the policy and calendar applied, and a clock per target. */
export type PerMetricSla = { policy: SlaNamed | null; calendar: SlaNamed | null; metrics: SlaClock[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);
const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

const named = (value: unknown): SlaNamed | null =>
  isRecord(value) && typeof value.id === 'number' && typeof value.name === 'string'
    ? { id: value.id, name: value.name }
    : null;

const clock = (value: unknown): SlaClock | null => {
  if (!isRecord(value) || !oneOf(SLA_METRICS, value.metric) || !oneOf(CLOCK_STATES, value.state)) return null;
  return {
    metric: value.metric,
    state: value.state,
    targetSeconds: typeof value.targetSeconds === 'number' ? value.targetSeconds : 0,
    remainingBusinessSeconds: numberOrNull(value.remainingBusinessSeconds),
    dueAt: typeof value.dueAt === 'string' ? value.dueAt : null,
    warned: value.warned === true,
    breached: value.breached === true,
  };
};

/**
 * The per-metric SLA of a ticket's `sla`, read by shape rather than by the generated type, so it
 * works before and after the OpenAPI snapshot documents it; null when the API sends no `metrics`
 * (an older server), so the caller shows the SLA fields it always had.
 */
export const perMetricSla = (sla: unknown): PerMetricSla | null => {
  if (!isRecord(sla) || !Array.isArray(sla.metrics)) return null;
  return {
    policy: named(sla.policy),
    calendar: named(sla.calendar),
    metrics: sla.metrics.map(clock).filter((entry): entry is SlaClock => entry !== null),
  };
};

export type ClockStatus = { label: string; tone: SlaTone; detail: string };

/** What one clock says: met (stopped in time), breached, paused, warning (past 80 %) or running. */
export const clockStatus = (clock: SlaClock): ClockStatus => {
  const remaining = clock.remainingBusinessSeconds;
  const left =
    remaining == null
      ? ''
      : remaining >= 0
        ? `${formatSpan(remaining)} business time left`
        : `${formatSpan(remaining)} business time overdue`;
  const target = `target ${formatSpan(clock.targetSeconds)}`;
  if (clock.state === 'STOPPED') {
    return clock.breached
      ? { label: 'Breached', tone: 'error', detail: `missed the ${target}` }
      : { label: 'Met', tone: 'success', detail: target };
  }
  if (clock.state === 'PAUSED') {
    return {
      label: clock.breached ? 'Breached, paused' : 'Paused',
      tone: clock.breached ? 'error' : 'default',
      detail: [left, 'paused', target].filter(Boolean).join(' · '),
    };
  }
  const due = clock.dueAt ? `due ${formatDateTime(clock.dueAt)}` : '';
  const detail = [left, due].filter(Boolean).join(' · ');
  if (clock.breached || (remaining != null && remaining < 0)) return { label: 'Breached', tone: 'error', detail };
  if (clock.warned) return { label: 'Warning', tone: 'warning', detail };
  return { label: 'Running', tone: 'info', detail };
};
