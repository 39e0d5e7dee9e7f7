import type { PolicyDto, PolicyRequest } from '@/api/generated/model';
import { SLA_METRICS, type SlaMetric } from '@/utils/sla-metrics';

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ['EMAIL', 'PORTAL', 'PHONE', 'AGENT'] as const;
export const PENDING_REASONS = ['CUSTOMER', 'THIRD_PARTY', 'CHANGE', 'CLOSE'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

export const PENDING_REASON_LABELS: Record<PendingReason, string> = {
  CUSTOMER: 'Customer',
  THIRD_PARTY: 'Third party',
  CHANGE: 'Change',
  CLOSE: 'Closing',
};

/** A target as typed: whole hours and minutes, both blank for "no target". */
export type DurationForm = { hours: string; minutes: string };

export type PolicyForm = {
  name: string;
  /** '' until a calendar is picked: the server then takes the built-in 24×7 one. */
  calendarId: string;
  organizationIds: number[];
  priorities: string[];
  channels: string[];
  mailboxIds: number[];
  targets: Record<Priority, Record<SlaMetric, DurationForm>>;
  pauses: Record<SlaMetric, PendingReason[]>;
};

const NO_TARGET: DurationForm = { hours: '', minutes: '' };

const grid = <V>(value: (priority: Priority, metric: SlaMetric) => V) =>
  Object.fromEntries(
    PRIORITIES.map((priority) => [
      priority,
      Object.fromEntries(SLA_METRICS.map((metric) => [metric, value(priority, metric)])),
    ]),
  ) as Record<Priority, Record<SlaMetric, V>>;

/** A new policy: no conditions (every ticket), no targets, every pending reason pausing every clock. */
export const emptyPolicyForm = (): PolicyForm => ({
  name: '',
  calendarId: '',
  organizationIds: [],
  priorities: [],
  channels: [],
  mailboxIds: [],
  targets: grid(() => NO_TARGET),
  pauses: Object.fromEntries(SLA_METRICS.map((metric) => [metric, [...PENDING_REASONS]])) as PolicyForm['pauses'],
});

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** "PT1H30M" (or "P2D", as ISO-8601 allows) as hours and minutes, a zero part blank; seconds round to a minute. */
export const durationFormOf = (iso: string | undefined): DurationForm => {
  const match = iso ? ISO_DURATION.exec(iso) : null;
  if (!match) return NO_TARGET;
  const [, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  const total = days * 1440 + hours * 60 + minutes + Math.round(seconds / 60);
  const blankIfZero = (n: number) => (n === 0 ? '' : String(n));
  return { hours: blankIfZero(Math.floor(total / 60)), minutes: blankIfZero(total % 60) };
};

const WHOLE = /^\d+$/;

/** Why a typed target cannot be sent, or null if it can (blank = no target). */
export const durationProblem = ({ hours, minutes }: DurationForm): string | null => {
  const h = hours.trim();
  const m = minutes.trim();
  if (!h && !m) return null;
  if ((h && !WHOLE.test(h)) || (m && !WHOLE.test(m))) return 'Whole hours and minutes.';
  if (Number(m || 0) > 59) return 'Minutes from 0 to 59.';
  if (Number(h || 0) * 60 + Number(m || 0) === 0) return 'Longer than zero, or leave it empty.';
  return null;
};

/** Hours and minutes as an ISO-8601 duration ("PT1H30M"); undefined when blank. */
export const isoDuration = (form: DurationForm): string | undefined => {
  const h = Number(form.hours.trim() || 0);
  const m = Number(form.minutes.trim() || 0);
  if (!form.hours.trim() && !form.minutes.trim()) return undefined;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
};

export const policyFormOf = (policy: PolicyDto): PolicyForm => ({
  name: policy.name,
  calendarId: String(policy.calendarId),
  organizationIds: [...policy.conditions.organizationIds],
  priorities: [...policy.conditions.priorities],
  channels: [...policy.conditions.channels],
  mailboxIds: [...policy.conditions.mailboxIds],
  targets: grid((priority, metric) => durationFormOf(policy.targets[priority]?.[metric])),
  pauses: Object.fromEntries(
    SLA_METRICS.map((metric) => [metric, [...(policy.pauses[metric] ?? PENDING_REASONS)]]),
  ) as PolicyForm['pauses'],
});

/** The policy as the API takes it; `position` only for a new one (last, by default). */
export const policyRequest = (form: PolicyForm, position?: number): PolicyRequest => {
  const targets: Record<string, Record<string, string>> = {};
  for (const priority of PRIORITIES) {
    for (const metric of SLA_METRICS) {
      const iso = isoDuration(form.targets[priority][metric]);
      if (iso) targets[priority] = { ...targets[priority], [metric]: iso };
    }
  }
  return {
    name: form.name.trim(),
    ...(position === undefined ? {} : { position }),
    calendarId: form.calendarId === '' ? undefined : Number(form.calendarId),
    conditions: {
      organizationIds: form.organizationIds,
      priorities: form.priorities,
      channels: form.channels,
      mailboxIds: form.mailboxIds,
    },
    targets,
    // every metric explicitly: a metric left out would mean "every reason pauses it"
    pauses: Object.fromEntries(
      SLA_METRICS.map((metric) => [metric, PENDING_REASONS.filter((r) => form.pauses[metric].includes(r))]),
    ),
  };
};

/** Errors keyed by the server's field names (`name`, `targets.HIGH.FIRST_RESPONSE` …). */
export type FieldErrors = Partial<Record<string, string>>;

export const checkPolicy = (form: PolicyForm): FieldErrors => {
  const errors: FieldErrors = {};
  if (!form.name.trim()) errors.name = 'Give the policy a name.';
  for (const priority of PRIORITIES) {
    for (const metric of SLA_METRICS) {
      const problem = durationProblem(form.targets[priority][metric]);
      if (problem) errors[`targets.${priority}.${metric}`] = problem;
    }
  }
  return errors;
};

const CONDITIONS = ['organizationIds', 'priorities', 'channels', 'mailboxIds'] as const;

/** The inputs an error can be shown on, named as the server names the field. */
export const POLICY_INPUTS: readonly string[] = [
  'name',
  'calendarId',
  'targets',
  'pauses',
  ...CONDITIONS.map((condition) => `conditions.${condition}`),
  ...PRIORITIES.flatMap((priority) => [
    `targets.${priority}`,
    ...SLA_METRICS.map((metric) => `targets.${priority}.${metric}`),
  ]),
  ...SLA_METRICS.map((metric) => `pauses.${metric}`),
];

/** One entry of a condition ("conditions.mailboxIds[2]") is blamed on its whole select. */
export const policyRenamed = (form: PolicyForm): Record<string, string> =>
  Object.fromEntries(
    CONDITIONS.flatMap((condition) =>
      form[condition].map((_, i) => [`conditions.${condition}[${i}]`, `conditions.${condition}`]),
    ),
  );

/** "HIGH, URGENT · EMAIL · 2 organizations": what a ticket needs, or "every ticket". */
export const conditionsSummary = (conditions: PolicyDto['conditions']): string => {
  const count = (n: number, one: string, many: string) => (n === 0 ? '' : n === 1 ? `1 ${one}` : `${n} ${many}`);
  const parts = [
    conditions.priorities.join(', '),
    conditions.channels.join(', '),
    count(conditions.organizationIds.length, 'organization', 'organizations'),
    count(conditions.mailboxIds.length, 'mailbox', 'mailboxes'),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'every ticket';
};

/** "6 targets" or "no targets". */
export const targetsSummary = (targets: PolicyDto['targets']): string => {
  const n = Object.values(targets).reduce((sum, metrics) => sum + Object.keys(metrics).length, 0);
  return n === 0 ? 'no targets' : n === 1 ? '1 target' : `${n} targets`;
};
