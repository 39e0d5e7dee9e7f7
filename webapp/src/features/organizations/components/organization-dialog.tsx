import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { OrganizationDto } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import { useCreateOrganization, useUpdateOrganization } from '@/features/organizations/api/organizations';

const FIELDS = ['name', 'domain'] as const;

type Props = { organization?: OrganizationDto; onClose: () => void; onCreated?: (created: OrganizationDto) => void };

/** Add an organization (no `organization`) or rename one; the server's refusal lands on its field. */
export const OrganizationDialog = ({ organization, onClose, onCreated }: Props) => {
  const [name, setName] = useState(organization?.name ?? '');
  const [domain, setDomain] = useState(organization?.domain ?? '');
  const create = useCreateOrganization(onClose);
  const update = useUpdateOrganization(onClose);
  const { fields: blamed, form: problem } = formErrorsOf(organization ? update.error : create.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (organization) {
      // Only what changed; an emptied domain is sent as "" (the server clears it).
      const data: { name?: string; domain?: string } = {};
      if (name.trim() !== organization.name) data.name = name.trim();
      if (domain.trim() !== (organization.domain ?? '')) data.domain = domain.trim();
      update.mutate({ id: organization.id, data });
    } else {
      create.mutate(
        { data: { name: name.trim(), domain: domain.trim() === '' ? undefined : domain.trim() } },
        { onSuccess: (created) => onCreated?.(created) },
      );
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="organization-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle id="organization-dialog-title">
          {organization ? `Edit ${organization.name}` : 'Add an organization'}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="Name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              autoFocus
              error={Boolean(blamed.name)}
              helperText={blamed.name}
            />
            <TextField
              label="Domain"
              value={domain}
              onChange={(event) => setDomain(event.target.value)}
              error={Boolean(blamed.domain)}
              helperText={blamed.domain ?? 'The customers’ mail domain, e.g. acme.example'}
            />
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={create.isPending || update.isPending}>
            {organization ? 'Save organization' : 'Add organization'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
