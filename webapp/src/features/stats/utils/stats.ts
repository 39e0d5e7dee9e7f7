import type { AgentFiguresDto, HourDto } from '@/api/generated/model';

const HOUR_MS = 3_600_000;

/** The ranges the dashboard offers, in hours back from the start of the current hour. */
export const RANGES = [
  { hours: 24, label: 'Last 24 hours' },
  { hours: 24 * 7, label: 'Last 7 days' },
  { hours: 24 * 30, label: 'Last 30 days' },
] as const;

/**
 * The whole hours of the range, ending at the start of the current hour (the stats are computed
 * per finished hour). Stable within an hour, so it can be part of a query key.
 */
export const rangeEndingNow = (hours: number, now = Date.now()) => {
  const to = Math.floor(now / HOUR_MS) * HOUR_MS;
  return { from: new Date(to - hours * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
};

/** Short axis labels: the time of day for a day's range, the date and hour for longer ones. */
export const hourLabel = (iso: string, rangeHours: number) => {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return rangeHours <= 24 ? time : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
};

export type HourlySeries = {
  labels: string[];
  created: number[];
  closed: number[];
  /** null where an hour closed nothing, so the line has a gap instead of a false 0 %. */
  compliance: (number | null)[];
};

/**
 * Hourly figures as chart series, oldest first. Ranges longer than two days are summed per day so
 * a month stays readable (compliance then weighted by the closings of each hour).
 */
export const hourlySeries = (hours: HourDto[], rangeHours: number): HourlySeries => {
  const sorted = [...hours].sort((a, b) => a.hourStart.localeCompare(b.hourStart));
  const byDay = rangeHours > 48;
  const buckets = new Map<string, { created: number; closed: number; compliant: number; judged: number }>();
  for (const hour of sorted) {
    const key = byDay
      ? new Date(hour.hourStart).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
      : hourLabel(hour.hourStart, rangeHours);
    const bucket = buckets.get(key) ?? { created: 0, closed: 0, compliant: 0, judged: 0 };
    bucket.created += hour.created;
    bucket.closed += hour.closed;
    if (hour.slaCompliancePercent != null && hour.closed > 0) {
      bucket.compliant += (hour.slaCompliancePercent * hour.closed) / 100;
      bucket.judged += hour.closed;
    }
    buckets.set(key, bucket);
  }
  const entries = [...buckets];
  return {
    labels: entries.map(([label]) => label),
    created: entries.map(([, bucket]) => bucket.created),
    closed: entries.map(([, bucket]) => bucket.closed),
    compliance: entries.map(([, bucket]) =>
      bucket.judged === 0 ? null : Math.round((1000 * bucket.compliant) / bucket.judged) / 10,
    ),
  };
};

/** Agents who closed anything, most closings first (ties: faster median first). */
export const agentRanking = (agents: AgentFiguresDto[]) =>
  agents
    .filter((figures) => figures.closed > 0)
    .sort(
      (a, b) =>
        b.closed - a.closed || (a.medianResolutionSeconds ?? Infinity) - (b.medianResolutionSeconds ?? Infinity),
    );

export const percent = (value: number | null | undefined) => (value == null ? '—' : `${Math.round(value * 10) / 10} %`);
