import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
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
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useListSlaPolicies } from '@/api/generated/endpoints/sla/sla';
import type { GroupDto, GroupRequest } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import { useCreateGroup, useUpdateGroup } from '@/features/groups/api/groups';
import { useListAgents } from '@/api/generated/endpoints/agents/agents';

type AgentOption = { id: number; name: string };

const FIELDS = ['name', 'description', 'members', 'defaultSlaPolicyId', 'skillWaitSeconds'] as const;

type Member = { agentId: number; name: string; manager: boolean };

type Form = {
  name: string;
  description: string;
  members: Member[];
  defaultSlaPolicyId: string; // '' none
  skillWaitSeconds: string;
};

const formOf = (group?: GroupDto): Form => ({
  name: group?.name ?? '',
  description: group?.description ?? '',
  members: (group?.members ?? []).map((m) => ({ agentId: m.agentId, name: m.name, manager: m.manager })),
  defaultSlaPolicyId: group?.defaultSlaPolicyId != null ? String(group.defaultSlaPolicyId) : '',
  skillWaitSeconds: String(group?.skillWaitSeconds ?? 600),
});

/** The request for the form; the server checks it (names the field it refuses). */
export const requestOf = (form: Form): GroupRequest => ({
  name: form.name.trim(),
  description: form.description.trim(),
  members: form.members.map((member) => ({ agentId: member.agentId, manager: member.manager })),
  defaultSlaPolicyId: form.defaultSlaPolicyId ? Number(form.defaultSlaPolicyId) : null,
  skillWaitSeconds: form.skillWaitSeconds.trim() === '' ? 600 : Number(form.skillWaitSeconds),
});

type Props = { group?: GroupDto; onClose: () => void };

/** Create or edit a group: its name, members (each maybe a manager), default SLA policy, skill wait. */
export const GroupEditor = ({ group, onClose }: Props) => {
  const [form, setForm] = useState<Form>(() => formOf(group));
  const listed = useListAgents({ query: { staleTime: 60_000 } });
  const agents: AgentOption[] = (listed.data ?? [])
    .filter((agent) => agent.active)
    .map((agent) => ({ id: agent.id, name: agent.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const policies = useListSlaPolicies({ query: { staleTime: 60_000 } });
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const save = group ? update : create;
  const problems = formErrorsOf(save.error, FIELDS);

  const field = (key: Exclude<keyof Form, 'members'>, label: string) => ({
    id: `group-${key}`,
    label,
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm((current) => ({ ...current, [key]: event.target.value })),
    error: Boolean(problems.fields[key]),
    helperText: problems.fields[key],
    size: 'small' as const,
    fullWidth: true,
  });

  const chosen: AgentOption[] = form.members.map((member) => ({ id: member.agentId, name: member.name }));
  const setMembers = (next: AgentOption[]) =>
    setForm((current) => ({
      ...current,
      members: next.map((agent) => ({
        agentId: agent.id,
        name: agent.name,
        manager: current.members.find((member) => member.agentId === agent.id)?.manager ?? false,
      })),
    }));
  const setManager = (agentId: number, manager: boolean) =>
    setForm((current) => ({
      ...current,
      members: current.members.map((member) => (member.agentId === agentId ? { ...member, manager } : member)),
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = requestOf(form);
    if (group) update.mutate({ id: group.id, data }, { onSuccess: onClose });
    else create.mutate({ data }, { onSuccess: onClose });
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="group-editor-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="group-editor-title">{group ? `Edit ${group.name}` : 'New group'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField {...field('name', 'Name')} required />
            <TextField {...field('description', 'Description')} multiline minRows={2} />
            <Autocomplete
              multiple
              id="group-members"
              options={agents}
              value={chosen}
              onChange={(_, next) => setMembers(next)}
              getOptionLabel={(agent) => agent.name}
              isOptionEqualToValue={(option, value) => option.id === value.id}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Members"
                  size="small"
                  error={Boolean(problems.fields.members)}
                  helperText={problems.fields.members}
                />
              )}
            />
            {form.members.length > 0 && (
              <Stack spacing={0} aria-label="Managers" role="group">
                <Typography variant="body2" color="text.secondary">
                  Managers move the group&apos;s tickets and get its notices.
                </Typography>
                {form.members.map((member) => (
                  <FormControlLabel
                    key={member.agentId}
                    control={
                      <Checkbox
                        checked={member.manager}
                        onChange={(event) => setManager(member.agentId, event.target.checked)}
                      />
                    }
                    label={`${member.name} manages the group`}
                  />
                ))}
              </Stack>
            )}
            <TextField select {...field('defaultSlaPolicyId', 'Default SLA policy')}>
              <MenuItem value="">(the first matching policy)</MenuItem>
              {(policies.data ?? []).map((policy) => (
                <MenuItem key={policy.id} value={String(policy.id)}>
                  {policy.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              {...field('skillWaitSeconds', 'Skill wait (seconds)')}
              type="number"
              slotProps={{ htmlInput: { min: 0 } }}
            />
            {problems.form && <Alert severity="error">{problems.form}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={save.isPending}>
            Save group
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
