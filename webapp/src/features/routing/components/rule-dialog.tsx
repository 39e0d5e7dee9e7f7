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
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useListMailboxes } from '@/api/generated/endpoints/mailboxes/mailboxes';
import { useListOrganizations } from '@/api/generated/endpoints/organizations/organizations';
import type { RuleDto } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import { useCreateRoutingRule, useGroupOptions, useUpdateRoutingRule } from '@/features/routing/api/routing-rules';
import { EMPTY_RULE, formOf, requestOf, type RuleForm } from '@/features/routing/components/rule-form';

const FIELDS = [
  'name',
  'mailboxId',
  'recipient',
  'organizationId',
  'keywords',
  'channel',
  'groupId',
  'setPriority',
  'addTags',
] as const;
type Field = (typeof FIELDS)[number];
const CHANNELS = ['EMAIL', 'PORTAL', 'PHONE', 'AGENT'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

type Props = { rule?: RuleDto; onClose: () => void };

/** Add a rule (no `rule`) or change one; the server's ProblemDetail lands on the blamed field. */
export const RuleDialog = ({ rule, onClose }: Props) => {
  const [form, setForm] = useState<RuleForm>(rule ? formOf(rule) : EMPTY_RULE);
  const groups = useGroupOptions();
  const mailboxes = useListMailboxes();
  const organizations = useListOrganizations();
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const error = rule ? update.error : create.error;
  const { fields: blamed, form: problem } = formErrorsOf(error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rule) update.mutate({ id: rule.id, data: requestOf(form) }, { onSuccess: onClose });
    else create.mutate({ data: requestOf(form) }, { onSuccess: onClose });
  };
  const field = (name: Field, label: string) => ({
    id: `rule-${name}`,
    label,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
    error: Boolean(blamed[name]),
    helperText: blamed[name],
    fullWidth: true,
  });
  const anything = (
    <MenuItem value="">
      <em>Any</em>
    </MenuItem>
  );

  return (
    <Dialog open onClose={onClose} aria-labelledby="rule-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="rule-dialog-title">{rule ? `Edit ${rule.name}` : 'New routing rule'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField {...field('name', 'Name')} required autoFocus />
            <FormControlLabel
              control={
                <Switch
                  checked={form.enabled}
                  onChange={(event) => setForm({ ...form, enabled: event.target.checked })}
                />
              }
              label="Enabled"
            />
            <Typography variant="subtitle2" component="h2">
              When a new ticket… (every condition given must hold; none: every ticket)
            </Typography>
            <TextField
              {...field('recipient', 'was mailed to (To or Cc)')}
              placeholder="billing@example.com"
              helperText={blamed.recipient ?? 'An address, compared as an address'}
            />
            <TextField
              {...field('keywords', 'mentions any of (comma-separated)')}
              helperText={blamed.keywords ?? 'Whole words or phrases in the subject or first message'}
            />
            <TextField select {...field('mailboxId', 'came in through mailbox')}>
              {anything}
              {(mailboxes.data ?? []).map((mailbox) => (
                <MenuItem key={mailbox.id} value={String(mailbox.id)}>
                  {mailbox.email}
                </MenuItem>
              ))}
            </TextField>
            <TextField select {...field('organizationId', 'is from organization')}>
              {anything}
              {(organizations.data ?? []).map((organization) => (
                <MenuItem key={organization.id} value={String(organization.id)}>
                  {organization.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField select {...field('channel', 'came by channel')}>
              {anything}
              {CHANNELS.map((channel) => (
                <MenuItem key={channel} value={channel}>
                  {channel.toLowerCase()}
                </MenuItem>
              ))}
            </TextField>
            <Typography variant="subtitle2" component="h2">
              …then
            </Typography>
            <TextField select {...field('groupId', 'send it to group')} required>
              {(groups.data ?? []).map((group) => (
                <MenuItem key={group.id} value={String(group.id)}>
                  {group.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField select {...field('setPriority', 'set priority')}>
              <MenuItem value="">
                <em>Keep</em>
              </MenuItem>
              {PRIORITIES.map((priority) => (
                <MenuItem key={priority} value={priority}>
                  {priority.toLowerCase()}
                </MenuItem>
              ))}
            </TextField>
            <TextField {...field('addTags', 'add tags (comma-separated)')} />
            {groups.isError && <Alert severity="error">Could not load the groups.</Alert>}
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={rule ? update.isPending : create.isPending}>
            {rule ? 'Save' : 'Create rule'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
