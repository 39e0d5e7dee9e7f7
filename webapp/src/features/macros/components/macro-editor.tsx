import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import {
  MacroRequestPendingReason,
  MacroRequestPriority,
  MacroRequestResolution,
  MacroRequestStatus,
  type MacroDto,
} from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import { PlaceholderList } from '@/components/placeholder-list';
import { useCreateMacro, useReplaceMacro } from '@/features/macros/api/macros';
import { EMPTY_MACRO, formOf, requestOf, type MacroForm } from '@/features/macros/utils/macro-form';

const FIELDS = [
  'name',
  'shared',
  'replyText',
  'note',
  'status',
  'pendingReason',
  'pendingFor',
  'resolution',
  'priority',
  'assignee',
  'addTags',
  'removeTags',
] as const;

const PENDING_DURATIONS = [
  { value: 'PT4H', label: '4 hours' },
  { value: 'P1D', label: '1 day' },
  { value: 'P2D', label: '2 days' },
  { value: 'P7D', label: '1 week' },
];

type Props = {
  /** The macro to edit; undefined creates one. */
  macro?: MacroDto;
  /** Admins and managers may share a macro with everyone. */
  canShare: boolean;
  agents: { id: number; name: string }[];
  onClose: () => void;
};

/** Create or edit a macro: its reply text with placeholders and the changes it makes. */
export const MacroEditor = ({ macro, canShare, agents, onClose }: Props) => {
  const [form, setForm] = useState<MacroForm>(() => (macro ? formOf(macro) : EMPTY_MACRO));
  const create = useCreateMacro();
  const replace = useReplaceMacro();
  const save = macro ? replace : create;
  const problems = formErrorsOf(save.error, FIELDS, {
    assigneeId: 'assignee',
    assignToApplier: 'assignee',
    'addTags[0]': 'addTags',
    'removeTags[0]': 'removeTags',
  });

  const set = (key: keyof MacroForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));
  const field = (key: Exclude<keyof MacroForm, 'shared'>, label: string) => ({
    id: `macro-${key}`,
    label,
    value: form[key],
    onChange: set(key),
    error: Boolean(problems.fields[key]),
    helperText: problems.fields[key],
    size: 'small' as const,
    fullWidth: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = requestOf(form);
    if (macro) replace.mutate({ id: macro.id, data }, { onSuccess: onClose });
    else create.mutate({ data }, { onSuccess: onClose });
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="macro-editor-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="macro-editor-title">{macro ? `Edit ${macro.name}` : 'New macro'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField {...field('name', 'Name')} required />
            {canShare && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={form.shared}
                    onChange={(event) => setForm((current) => ({ ...current, shared: event.target.checked }))}
                  />
                }
                label="Shared with all agents (otherwise only you see it)"
              />
            )}
            <TextField {...field('replyText', 'Reply text')} multiline minRows={4} />
            <PlaceholderList>
              <br />A value the ticket does not have (e.g. no organization) is left empty.
            </PlaceholderList>
            <TextField {...field('note', 'Internal note (optional)')} multiline minRows={2} />
            <Stack direction="row" spacing={1}>
              <TextField select {...field('status', 'Set status')}>
                <MenuItem value="">(leave as is)</MenuItem>
                {Object.values(MacroRequestStatus).map((status) => (
                  <MenuItem key={status} value={status}>
                    {status}
                  </MenuItem>
                ))}
              </TextField>
              <TextField select {...field('priority', 'Set priority')}>
                <MenuItem value="">(leave as is)</MenuItem>
                {Object.values(MacroRequestPriority).map((priority) => (
                  <MenuItem key={priority} value={priority}>
                    {priority}
                  </MenuItem>
                ))}
              </TextField>
              <TextField select {...field('assignee', 'Assign to')}>
                <MenuItem value="">(leave as is)</MenuItem>
                <MenuItem value="applier">The agent applying it</MenuItem>
                {agents.map((agent) => (
                  <MenuItem key={agent.id} value={String(agent.id)}>
                    {agent.name}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            {form.status === 'PENDING' && (
              <Stack direction="row" spacing={1}>
                <TextField select {...field('pendingReason', 'Waiting for')}>
                  {Object.values(MacroRequestPendingReason).map((reason) => (
                    <MenuItem key={reason} value={reason}>
                      {reason}
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
            {form.status === 'CLOSED' && (
              <TextField select {...field('resolution', 'Resolution')}>
                <MenuItem value="">(Solved)</MenuItem>
                {Object.values(MacroRequestResolution).map((resolution) => (
                  <MenuItem key={resolution} value={resolution}>
                    {resolution}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <Stack direction="row" spacing={1}>
              <TextField {...field('addTags', 'Add tags (comma separated)')} />
              <TextField {...field('removeTags', 'Remove tags (comma separated)')} />
            </Stack>
            {problems.form && <Alert severity="error">{problems.form}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={save.isPending}>
            Save macro
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
