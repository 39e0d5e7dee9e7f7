import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getListAgentsQueryKey, useCreateAgent, useUpdateAgent } from '@/api/generated/endpoints/agents/agents';
import type { AgentDto } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import { TagInput } from '@/components/tag-input';
import {
  AGENT_ROLES,
  createRequest,
  emptyForm,
  formOf,
  patchRequest,
  type AgentForm,
} from '@/features/agents/utils/agent-form';

const FIELDS = ['displayName', 'email', 'role', 'capacity', 'password', 'skills'] as const;

type Props = { agent?: AgentDto; onClose: () => void };

/** Add an agent (no `agent`) or change one; the server's ProblemDetail lands on the blamed field. */
export const AgentDialog = ({ agent, onClose }: Props) => {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<AgentForm>(agent ? formOf(agent) : emptyForm());
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: getListAgentsQueryKey() });
    onClose();
  };
  const create = useCreateAgent({ mutation: { onSuccess: done } });
  const update = useUpdateAgent({ mutation: { onSuccess: done } });
  const error = agent ? update.error : create.error;
  const { fields: blamed, form: problem } = formErrorsOf(error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agent) update.mutate({ id: agent.id, data: patchRequest(agent, form) });
    else create.mutate({ data: createRequest(form) });
  };
  const text = (name: Exclude<(typeof FIELDS)[number], 'skills'>, label: string) => ({
    label,
    value: form[name] as string,
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
    error: Boolean(blamed[name]),
    helperText: blamed[name],
  });
  const toggle = (name: 'available' | 'active', label: string) => (
    <FormControlLabel
      control={<Switch checked={form[name]} onChange={(event) => setForm({ ...form, [name]: event.target.checked })} />}
      label={label}
    />
  );

  return (
    <Dialog open onClose={onClose} aria-labelledby="agent-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle id="agent-dialog-title">{agent ? `Edit ${agent.displayName}` : 'Add an agent'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField {...text('displayName', 'Name')} required autoFocus />
            <TextField {...text('email', 'Email')} required />
            <TextField select {...text('role', 'Role')}>
              {AGENT_ROLES.map((role) => (
                <MenuItem key={role} value={role}>
                  {role}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              {...text('capacity', 'Capacity (tickets at once)')}
              type="number"
              slotProps={{ htmlInput: { min: 0, max: 100 } }}
            />
            <TagInput
              id="agent-skills"
              label="Skills"
              value={form.skills}
              onChange={(skills) => setForm({ ...form, skills })}
              error={blamed.skills}
              placeholder="e.g. vpn, billing"
            />
            <TextField
              {...text('password', agent ? 'New password (leave empty to keep)' : 'Password (at least 10 characters)')}
              type="password"
              autoComplete="new-password"
            />
            <Stack direction="row" spacing={2}>
              {toggle('available', 'Available for new tickets')}
              {agent && toggle('active', 'Active')}
            </Stack>
            {agent?.active && !form.active && (
              <Alert severity="warning">
                Deactivating hands this agent's open tickets back to the assignment queue.
              </Alert>
            )}
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={create.isPending || update.isPending}>
            {agent ? 'Save agent' : 'Add agent'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
