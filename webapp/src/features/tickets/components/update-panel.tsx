import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import {
  TicketPatchRequestPendingReason,
  TicketPatchRequestPriority,
  TicketPatchRequestResolution,
  TicketPatchRequestStatus,
  type TicketDto,
  type TicketUpdateResponse,
} from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import { humanize, PENDING_DURATIONS } from '@/features/tickets/utils/change-options';
import { TagInput } from '@/components/tag-input';
import { useUpdateTicket } from '@/features/tickets/api/update-ticket';
import type { GroupChoice } from '@/features/tickets/hooks/use-group-choice';
import {
  buildPatch,
  FIELD_RENAMES,
  FORM_FIELDS,
  formFor,
  showsPendingFields,
  showsResolution,
  type FieldErrors,
  type UpdateForm,
} from '@/features/tickets/utils/update-rules';

/** A change filled in by a macro (see MacroPicker): `seq` changes with every pick. */
export type UpdateFill = { seq: number; form: UpdateForm };

type Props = {
  ticket: TicketDto;
  agents: { id: number; name: string }[];
  fill?: UpdateFill;
  /** The groups the ticket may move to; without them the panel shows no group. */
  groups?: GroupChoice;
};

/** Change status, priority, assignee, suspension or resolution; always with a comment. */
export const UpdatePanel = ({ ticket, agents, fill, groups }: Props) => {
  const [form, setForm] = useState<UpdateForm>(() => formFor(ticket));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<TicketUpdateResponse>();
  const update = useUpdateTicket();

  // Someone else changed the ticket (live refresh): follow it unless the agent is mid-edit. Only
  // a new version is a change; adjusted while rendering, as React advises instead of an effect.
  const [version, setVersion] = useState(ticket.version);
  if (ticket.version !== version) {
    setVersion(ticket.version);
    setForm((current) => (current.comment ? current : formFor(ticket)));
  }
  // A macro's change: filled in for review, saved only with Save change.
  const [filled, setFilled] = useState(fill?.seq);
  if (fill && fill.seq !== filled) {
    setFilled(fill.seq);
    setForm(fill.form);
    setErrors({});
    setResult(undefined);
  }

  const set = (key: keyof UpdateForm) => (event: { target: { value: string } }) => {
    setForm((current) => ({ ...current, [key]: event.target.value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setResult(undefined);
    const { patch, errors: found } = buildPatch(ticket, form);
    setErrors(found);
    if (!patch) return;
    update.mutate(
      { number: ticket.number, data: patch },
      {
        onSuccess: (response) => {
          setResult(response);
          setForm(formFor(response.ticket));
        },
        onError: (error) => {
          const placed = formErrorsOf(error, FORM_FIELDS, FIELD_RENAMES);
          if (placed.form) setProblem(placed.form);
          else setErrors(placed.fields);
        },
      },
    );
  };

  const assigneeOptions = new Map(agents.map((agent) => [agent.id, agent.name]));
  if (ticket.assigneeId != null) assigneeOptions.set(ticket.assigneeId, ticket.assigneeName ?? `#${ticket.assigneeId}`);

  const field = (key: keyof UpdateForm, label: string) => ({
    id: `update-${key}`,
    label,
    value: form[key],
    onChange: set(key),
    error: Boolean(errors[key]),
    helperText: errors[key],
    size: 'small' as const,
    fullWidth: true,
  });

  return (
    <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-labelledby="update-title" noValidate>
      <Stack spacing={2}>
        <Typography id="update-title" variant="h6" component="h2">
          Update ticket
        </Typography>
        <TextField select {...field('status', 'Status')}>
          {Object.values(TicketPatchRequestStatus).map((status) => (
            <MenuItem key={status} value={status}>
              {status}
            </MenuItem>
          ))}
        </TextField>
        {showsPendingFields(form) && (
          <Stack direction="row" spacing={1}>
            <TextField select {...field('pendingReason', 'Waiting for')}>
              {Object.values(TicketPatchRequestPendingReason).map((reason) => (
                <MenuItem key={reason} value={reason}>
                  {humanize(reason)}
                </MenuItem>
              ))}
            </TextField>
            <TextField select {...field('pendingFor', 'Suspend for')}>
              {PENDING_DURATIONS.map((duration) => (
                <MenuItem key={duration.value} value={duration.value}>
                  {duration.label}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        )}
        {showsResolution(form) && (
          <TextField select {...field('resolution', 'Resolution')}>
            <MenuItem value="">(Solved)</MenuItem>
            {Object.values(TicketPatchRequestResolution).map((resolution) => (
              <MenuItem key={resolution} value={resolution}>
                {humanize(resolution)}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField select {...field('priority', 'Priority')}>
          {Object.values(TicketPatchRequestPriority).map((priority) => (
            <MenuItem key={priority} value={priority}>
              {priority}
            </MenuItem>
          ))}
        </TextField>
        {groups && (
          <TextField
            select
            {...field('group', 'Group')}
            disabled={!groups.canMove}
            // The hint stays readable when the field is disabled (the disabled grey is 2.7:1).
            slotProps={{
              formHelperText: errors.group ? {} : { sx: { '&, &.Mui-disabled': { color: 'text.secondary' } } },
            }}
            helperText={
              errors.group ??
              (groups.canMove
                ? 'An assignee who is not a member is unassigned'
                : 'Managers and the group’s managers move tickets')
            }
          >
            {!groups.options.some((group) => group.id === ticket.groupId) && (
              <MenuItem value={String(ticket.groupId)}>{ticket.groupName ?? `#${ticket.groupId}`}</MenuItem>
            )}
            {groups.options.map((group) => (
              <MenuItem key={group.id} value={String(group.id)}>
                {group.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField select {...field('assignee', 'Assignee')}>
          <MenuItem value="none">Unassigned</MenuItem>
          {[...assigneeOptions].map(([id, name]) => (
            <MenuItem key={id} value={String(id)}>
              {name}
            </MenuItem>
          ))}
        </TextField>
        <TagInput
          id="update-tags"
          label="Tags"
          value={form.tags}
          error={errors.tags}
          onChange={(tags) => {
            setForm((current) => ({ ...current, tags }));
            setErrors((current) => ({ ...current, tags: undefined }));
          }}
        />
        <TextField {...field('comment', 'Comment (why)')} required multiline minRows={2} />
        {problem && <Alert severity="error">{problem}</Alert>}
        {result && (
          <Alert severity="success" role="status">
            {result.changes.length === 0
              ? 'Comment added.'
              : `Updated: ${result.changes.map((change) => change.field).join(', ')}.`}
            {result.autoFixes.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} aria-label="Automatic adjustments">
                {result.autoFixes.map((fix) => (
                  <li key={fix}>{fix}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        <Button type="submit" variant="contained" loading={update.isPending}>
          Save change
        </Button>
      </Stack>
    </Paper>
  );
};
