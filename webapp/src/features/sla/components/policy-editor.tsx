import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useState, type FormEvent } from 'react';
import { useListMailboxes } from '@/api/generated/endpoints/mailboxes/mailboxes';
import { useListOrganizations } from '@/api/generated/endpoints/organizations/organizations';
import { useListBusinessCalendars, useListSlaPolicies } from '@/api/generated/endpoints/sla/sla';
import type { PolicyDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { Section } from '@/features/sla/components/section';
import { formErrorsOf } from '@/lib/api-client';
import { SLA_METRIC_LABELS, SLA_METRICS, type SlaMetric } from '@/utils/sla-metrics';
import { useCreateSlaPolicy, useReplaceSlaPolicy } from '@/features/sla/api/sla-policies';
import {
  CHANNELS,
  checkPolicy,
  emptyPolicyForm,
  PENDING_REASON_LABELS,
  PENDING_REASONS,
  POLICY_INPUTS,
  policyFormOf,
  policyRenamed,
  policyRequest,
  PRIORITIES,
  type DurationForm,
  type FieldErrors,
  type PolicyForm,
  type Priority,
} from '@/features/sla/utils/policy-form';

type Option = { value: string; label: string };

/** A multi-select where nothing picked means "any". */
const AnyOf = (props: {
  label: string;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) => (
  <TextField
    select
    size="small"
    label={props.label}
    value={props.value}
    onChange={(event) => props.onChange(event.target.value as unknown as string[])}
    error={Boolean(props.error)}
    helperText={props.error ?? (props.value.length === 0 ? 'any' : ' ')}
    slotProps={{
      select: {
        multiple: true,
        renderValue: (selected) =>
          (selected as string[])
            .map((value) => props.options.find((option) => option.value === value)?.label ?? value)
            .join(', '),
      },
    }}
    sx={{ minWidth: 200, flex: 1 }}
  >
    {props.options.map((option) => (
      <MenuItem key={option.value} value={option.value}>
        {option.label}
      </MenuItem>
    ))}
  </TextField>
);

type Props = {
  /** The policy to change; a new one without it. */
  policy?: PolicyDto;
  /** Where a new policy goes in the order (1 = first). */
  newPosition?: number;
  onDone: () => void;
};

/** Name, calendar, conditions, targets per priority and metric, and what pauses each clock. */
export const PolicyEditor = ({ policy, newPosition, onDone }: Props) => {
  const [form, setForm] = useState<PolicyForm>(() => (policy ? policyFormOf(policy) : emptyPolicyForm()));
  const [checked, setChecked] = useState<FieldErrors>({});
  const calendars = useListBusinessCalendars();
  const organizations = useListOrganizations();
  const mailboxes = useListMailboxes();
  const create = useCreateSlaPolicy();
  const replace = useReplaceSlaPolicy();
  const saving = policy ? replace : create;
  const server = formErrorsOf(saving.error, POLICY_INPUTS, policyRenamed(form));
  const errors: FieldErrors = { ...server.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkPolicy(form);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    if (policy) replace.mutate({ id: policy.id, data: policyRequest(form) }, { onSuccess: onDone });
    else create.mutate({ data: policyRequest(form, newPosition) }, { onSuccess: onDone });
  };

  const builtIn = calendars.data?.find((calendar) => calendar.builtIn);
  // stable, so typing in one cell re-renders only that cell
  const setTarget = useCallback(
    (priority: Priority, metric: SlaMetric, value: DurationForm) =>
      setForm((current) => ({
        ...current,
        targets: { ...current.targets, [priority]: { ...current.targets[priority], [metric]: value } },
      })),
    [],
  );
  const togglePause = (metric: SlaMetric, reason: (typeof PENDING_REASONS)[number], on: boolean) =>
    setForm({
      ...form,
      pauses: {
        ...form.pauses,
        [metric]: on ? [...form.pauses[metric], reason] : form.pauses[metric].filter((other) => other !== reason),
      },
    });
  const targetErrors = PRIORITIES.flatMap((priority) => [
    ...(errors[`targets.${priority}`] ? [`${priority}: ${errors[`targets.${priority}`]}`] : []),
    ...SLA_METRICS.filter((metric) => errors[`targets.${priority}.${metric}`]).map(
      (metric) => `${priority} · ${SLA_METRIC_LABELS[metric]}: ${errors[`targets.${priority}.${metric}`]}`,
    ),
  ]).concat(errors.targets ? [errors.targets] : []);
  const pauseErrors = SLA_METRICS.map((metric) => errors[`pauses.${metric}`])
    .concat(errors.pauses)
    .filter((message): message is string => Boolean(message));

  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack spacing={2} sx={{ maxWidth: 1100 }}>
        <Typography variant="h5" component="h1">
          {policy ? `Edit SLA policy ${policy.name}` : 'New SLA policy'}
        </Typography>
        <Section title="Policy">
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="Name"
              required
              value={form.name}
              onChange={(event) => setForm({ ...form, name: event.target.value })}
              error={Boolean(errors.name)}
              helperText={errors.name}
              sx={{ flex: 1 }}
            />
            <TextField
              select
              label="Business calendar"
              value={calendars.data ? form.calendarId || String(builtIn?.id ?? '') : ''}
              onChange={(event) => setForm({ ...form, calendarId: event.target.value })}
              error={Boolean(errors.calendarId)}
              helperText={errors.calendarId ?? 'Targets count only the open hours of this calendar.'}
              sx={{ flex: 1 }}
            >
              {(calendars.data ?? []).map((calendar) => (
                <MenuItem key={calendar.id} value={String(calendar.id)}>
                  {calendar.name} ({calendar.zone})
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </Section>
        <Section title="Applies to">
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <AnyOf
              label="Organizations"
              options={(organizations.data ?? []).map((org) => ({ value: String(org.id), label: org.name }))}
              value={form.organizationIds.map(String)}
              onChange={(value) => setForm({ ...form, organizationIds: value.map(Number) })}
              error={errors['conditions.organizationIds']}
            />
            <AnyOf
              label="Priorities"
              options={PRIORITIES.map((priority) => ({ value: priority, label: priority }))}
              value={form.priorities}
              onChange={(priorities) => setForm({ ...form, priorities })}
              error={errors['conditions.priorities']}
            />
            <AnyOf
              label="Channels"
              options={CHANNELS.map((channel) => ({ value: channel, label: channel }))}
              value={form.channels}
              onChange={(channels) => setForm({ ...form, channels })}
              error={errors['conditions.channels']}
            />
            <AnyOf
              label="Mailboxes"
              options={(mailboxes.data ?? []).map((mailbox) => ({ value: String(mailbox.id), label: mailbox.email }))}
              value={form.mailboxIds.map(String)}
              onChange={(value) => setForm({ ...form, mailboxIds: value.map(Number) })}
              error={errors['conditions.mailboxIds']}
            />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            A ticket must match every condition given; a condition left empty matches any ticket.
          </Typography>
        </Section>
        <Section title="Targets">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            In business hours and minutes of the calendar; leave a cell empty for no target.
          </Typography>
          <Table size="small" aria-label="Targets">
            <TableHead>
              <TableRow>
                <TableCell>Priority</TableCell>
                {SLA_METRICS.map((metric) => (
                  <TableCell key={metric}>{SLA_METRIC_LABELS[metric]}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {PRIORITIES.map((priority) => (
                <TableRow key={priority}>
                  <TableCell component="th" scope="row">
                    {priority}
                  </TableCell>
                  {SLA_METRICS.map((metric) => (
                    <TableCell key={metric}>
                      <TargetInput
                        priority={priority}
                        metric={metric}
                        value={form.targets[priority][metric]}
                        error={Boolean(errors[`targets.${priority}.${metric}`] ?? errors[`targets.${priority}`])}
                        onChange={setTarget}
                      />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {targetErrors.map((message) => (
            <Alert key={message} severity="error" sx={{ mt: 1 }}>
              {message}
            </Alert>
          ))}
        </Section>
        <Section title="Pauses">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Which pending reasons stop each clock while the ticket waits.
          </Typography>
          <Table size="small" aria-label="Pauses">
            <TableHead>
              <TableRow>
                <TableCell>Clock</TableCell>
                {PENDING_REASONS.map((reason) => (
                  <TableCell key={reason} align="center">
                    Waiting for: {PENDING_REASON_LABELS[reason]}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {SLA_METRICS.map((metric) => (
                <TableRow key={metric}>
                  <TableCell component="th" scope="row">
                    {SLA_METRIC_LABELS[metric]}
                  </TableCell>
                  {PENDING_REASONS.map((reason) => (
                    <TableCell key={reason} align="center" padding="checkbox">
                      <Checkbox
                        checked={form.pauses[metric].includes(reason)}
                        onChange={(event) => togglePause(metric, reason, event.target.checked)}
                        slotProps={{
                          input: {
                            'aria-label': `${PENDING_REASON_LABELS[reason]} pauses ${SLA_METRIC_LABELS[metric]}`,
                          },
                        }}
                      />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {pauseErrors.map((message) => (
            <Alert key={message} severity="error" sx={{ mt: 1 }}>
              {message}
            </Alert>
          ))}
        </Section>
        {server.form && <Alert severity="error">{server.form}</Alert>}
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" variant="contained" loading={saving.isPending}>
            Save policy
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
};

/** Hours and minutes of one target. */
const TargetInput = memo(function TargetInput(props: {
  priority: Priority;
  metric: SlaMetric;
  value: DurationForm;
  error: boolean;
  onChange: (priority: Priority, metric: SlaMetric, value: DurationForm) => void;
}) {
  const name = `${props.priority} ${SLA_METRIC_LABELS[props.metric]}`;
  const part = (key: 'hours' | 'minutes', unit: string) => (
    <TextField
      size="small"
      value={props.value[key]}
      error={props.error}
      onChange={(event) => props.onChange(props.priority, props.metric, { ...props.value, [key]: event.target.value })}
      slotProps={{
        htmlInput: { 'aria-label': `${name} ${key}`, inputMode: 'numeric' },
        input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> },
      }}
      sx={{ width: 76 }}
    />
  );
  return (
    <Stack direction="row" spacing={0.5}>
      {part('hours', 'h')}
      {part('minutes', 'm')}
    </Stack>
  );
});

/** The editor for policy `id` (new without one, placed last), once the list is loaded. */
export const PolicyEditorPage = ({ id, onDone }: { id?: number; onDone: () => void }) => {
  const policies = useListSlaPolicies();
  if (policies.isPending) return <Loading label="Loading SLA policies…" />;
  if (policies.isError) return <ErrorState error={policies.error} title="Could not load the SLA policies" />;
  if (id === undefined) return <PolicyEditor newPosition={policies.data.length + 1} onDone={onDone} />;
  const policy = policies.data.find((candidate) => candidate.id === id);
  if (!policy) return <EmptyState>There is no SLA policy #{id}.</EmptyState>;
  return <PolicyEditor key={policy.id} policy={policy} onDone={onDone} />;
};
