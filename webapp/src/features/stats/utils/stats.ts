import type { AgentComplianceDto, AgentFiguresDto, HourDto, MetricComplianceDto } from '@/api/generated/model';

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

/** The SLA metrics the dashboard charts and tabulates, with their labels. */
export const COMPLIANCE_METRICS = [
  { metric: 'FIRST_RESPONSE', label: 'First response' },
  { metric: 'NEXT_REPLY', label: 'Next reply' },
  { metric: 'RESOLUTION', label: 'Resolution' },
] as const;

export type ComplianceMetric = (typeof COMPLIANCE_METRICS)[number]['metric'];

/** met / (met + breached) in percent with one decimal, or null when nothing was judged. */
export const compliancePercent = (met: number, breached: number) =>
  met + breached === 0 ? null : Math.round((1000 * met) / (met + breached)) / 10;

export type ComplianceSeries = {
  labels: string[];
  /** Per metric, one percentage per bucket; null where nothing was met or breached. */
  percent: Record<ComplianceMetric, (number | null)[]>;
};

/**
 * Compliance per metric over the hours, oldest first; ranges longer than two days are summed per
 * day (met and breached added up, so each day is weighted by its instances).
 */
export const complianceSeries = (hours: HourDto[], rangeHours: number): ComplianceSeries => {
  const sorted = [...hours].sort((a, b) => a.hourStart.localeCompare(b.hourStart));
  const byDay = rangeHours > 48;
  const buckets = new Map<string, Map<string, { met: number; breached: number }>>();
  for (const hour of sorted) {
    const key = byDay
      ? new Date(hour.hourStart).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
      : hourLabel(hour.hourStart, rangeHours);
    const bucket = buckets.get(key) ?? new Map<string, { met: number; breached: number }>();
    for (const figures of hour.compliance) {
      const sum = bucket.get(figures.metric) ?? { met: 0, breached: 0 };
      sum.met += figures.met;
      sum.breached += figures.breached;
      bucket.set(figures.metric, sum);
    }
    buckets.set(key, bucket);
  }
  const entries = [...buckets];
  const percentOf = (metric: ComplianceMetric) =>
    entries.map(([, bucket]) => {
      const sum = bucket.get(metric);
      return sum ? compliancePercent(sum.met, sum.breached) : null;
    });
  return {
    labels: entries.map(([label]) => label),
    percent: {
      FIRST_RESPONSE: percentOf('FIRST_RESPONSE'),
      NEXT_REPLY: percentOf('NEXT_REPLY'),
      RESOLUTION: percentOf('RESOLUTION'),
    },
  };
};

/** One metric of one agent as a table cell: "90 % (9 of 10)", or a dash when there is none. */
export const complianceCell = (figures: MetricComplianceDto | undefined) =>
  figures == null || figures.met + figures.breached === 0
    ? '—'
    : `${percent(compliancePercent(figures.met, figures.breached))} (${figures.met} of ${figures.met + figures.breached})`;

/** Agents with anything met or breached on the charted metrics, by name. */
export const complianceRows = (agents: AgentComplianceDto[]) =>
  agents
    .filter((row) =>
      row.metrics.some(
        (figures) =>
          COMPLIANCE_METRICS.some(({ metric }) => metric === figures.metric) && figures.met + figures.breached > 0,
      ),
    )
    .sort((a, b) => (a.agent.name ?? '').localeCompare(b.agent.name ?? '') || a.agent.id - b.agent.id)
    .map((row) => ({
      agent: row.agent,
      cells: COMPLIANCE_METRICS.map(({ metric }) => complianceCell(row.metrics.find((f) => f.metric === metric))),
    }));
