import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  getGetContactQueryKey,
  getListContactsQueryKey,
  useGetContact,
  useSetContactPortalAccess,
  useUpdateContact,
} from '@/api/generated/endpoints/contacts/contacts';
import { useListOrganizations } from '@/api/generated/endpoints/organizations/organizations';
import { useListCustomerTickets } from '@/api/generated/endpoints/tickets/tickets';
import type { ContactDto, OrganizationDto } from '@/api/generated/model';
import { ErrorState, Loading } from '@/components/states';
import { formErrorsOf } from '@/lib/api-client';
import { RelatedTickets } from '@/components/related-tickets';
import { MergeContact } from '@/features/contacts/components/contact-merge';
import { PortalInvitation } from '@/features/contacts/components/portal-invitation';

type Props = { id: number; canEdit: boolean };

/** One contact: details, their tickets; managers and admins edit them and open the portal to them. */
export const ContactPage = ({ id, canEdit }: Props) => {
  const contact = useGetContact(id);
  const organizations = useListOrganizations();
  const tickets = useListCustomerTickets(id, { limit: 50 });
  const [editing, setEditing] = useState(false);
  if (contact.isPending) return <Loading label="Loading the contact…" />;
  if (contact.isError) return <ErrorState error={contact.error} title="Could not load the contact" />;
  const c = contact.data;
  const organization = organizations.data?.find((candidate) => candidate.id === c.organizationId);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2 }}>
        <div>
          <Typography variant="h5" component="h1">
            {c.displayName}
          </Typography>
          <Typography color="text.secondary">
            {c.email}
            {c.organizationId != null && (
              <>
                {' · '}
                <Link component={RouterLink} to={`/organizations/${c.organizationId}`}>
                  {organization?.name ?? `Organization #${c.organizationId}`}
                </Link>
              </>
            )}
          </Typography>
        </div>
        {canEdit && (
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={() => setEditing(true)}>
              Edit contact
            </Button>
            <MergeContact
              contact={c}
              ticketCount={tickets.data ? `${tickets.data.items.length}${tickets.data.nextCursor ? '+' : ''}` : '…'}
            />
          </Stack>
        )}
      </Stack>
      <PortalAccess contact={c} canEdit={canEdit} />
      <Paper component="section" aria-label="Tickets" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          Tickets
        </Typography>
        {tickets.isPending ? (
          <Loading label="Loading tickets…" />
        ) : tickets.isError ? (
          <ErrorState error={tickets.error} title="Could not load the tickets" />
        ) : (
          <RelatedTickets tickets={tickets.data.items} label="Tickets of the contact" empty="No tickets yet." />
        )}
      </Paper>
      {editing && (
        <ContactDialog contact={c} organizations={organizations.data ?? []} onClose={() => setEditing(false)} />
      )}
    </Stack>
  );
};

const useRefreshContact = (id: number) => {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: getGetContactQueryKey(id) });
    await queryClient.invalidateQueries({ queryKey: getListContactsQueryKey() });
  };
};

const FIELDS = ['displayName', 'email', 'organizationId'] as const;

const ContactDialog = ({
  contact,
  organizations,
  onClose,
}: {
  contact: ContactDto;
  organizations: OrganizationDto[];
  onClose: () => void;
}) => {
  const refresh = useRefreshContact(contact.id);
  const [form, setForm] = useState({
    displayName: contact.displayName,
    email: contact.email,
    organizationId: contact.organizationId == null ? '' : String(contact.organizationId),
  });
  const update = useUpdateContact({
    mutation: {
      onSuccess: async () => {
        await refresh();
        onClose();
      },
    },
  });
  const { fields: blamed, form: problem } = formErrorsOf(update.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const displayName = form.displayName.trim();
    const email = form.email.trim();
    const organizationId = form.organizationId === '' ? undefined : Number(form.organizationId);
    update.mutate({
      id: contact.id,
      data: {
        ...(displayName !== contact.displayName && { displayName }),
        ...(email !== contact.email && { email }),
        ...(organizationId !== undefined && organizationId !== contact.organizationId && { organizationId }),
      },
    });
  };
  const field = (key: (typeof FIELDS)[number], label: string) => ({
    label,
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
    error: Boolean(blamed[key]),
    helperText: blamed[key],
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby="contact-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle id="contact-dialog-title">Edit {contact.displayName}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField {...field('displayName', 'Name')} required autoFocus />
            <TextField {...field('email', 'Email')} required />
            <TextField select {...field('organizationId', 'Organization')}>
              {contact.organizationId == null && <MenuItem value="">No organization</MenuItem>}
              {organizations.map((organization) => (
                <MenuItem key={organization.id} value={String(organization.id)}>
                  {organization.name}
                </MenuItem>
              ))}
            </TextField>
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={update.isPending}>
            Save contact
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** Portal access on or off; opening it needs a password unless one is set already. */
const PortalAccess = ({ contact, canEdit }: { contact: ContactDto; canEdit: boolean }) => {
  const refresh = useRefreshContact(contact.id);
  const [enabled, setEnabled] = useState(contact.portalAccess);
  const [password, setPassword] = useState('');
  const [saved, setSaved] = useState(false);
  const access = useSetContactPortalAccess({
    mutation: {
      onSuccess: async () => {
        setPassword('');
        setSaved(true);
        await refresh();
      },
    },
  });
  const { fields: blamed, form: problem } = formErrorsOf(access.error, ['password'] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    access.mutate({ id: contact.id, data: { enabled, password: enabled && password !== '' ? password : undefined } });
  };
  return (
    <Paper component="section" aria-label="Portal access" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Portal access
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {contact.canSignIn
          ? 'Can sign in to the customer portal.'
          : contact.portalAccess
            ? 'Portal open, but no password is set.'
            : 'Cannot sign in to the customer portal.'}
      </Typography>
      {canEdit && (
        <form onSubmit={submit}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
            <FormControlLabel
              control={<Switch checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />}
              label="Portal access"
            />
            {enabled && (
              <TextField
                size="small"
                type="password"
                autoComplete="new-password"
                label={contact.canSignIn ? 'New password (empty keeps it)' : 'Password'}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={Boolean(blamed.password)}
                helperText={blamed.password ?? 'At least 10 characters'}
              />
            )}
            <Button type="submit" variant="contained" loading={access.isPending}>
              Save access
            </Button>
          </Stack>
          {problem && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {problem}
            </Alert>
          )}
          {saved && !access.isPending && (
            <Alert severity="success" sx={{ mt: 1 }}>
              Portal access saved.
            </Alert>
          )}
        </form>
      )}
      <PortalInvitation contactId={contact.id} canEdit={canEdit} />
    </Paper>
  );
};
