import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useListContacts } from '@/api/generated/endpoints/contacts/contacts';
import { useGetOrganization, useListOrganizationAssets } from '@/api/generated/endpoints/organizations/organizations';
import { useListOrganizationTickets } from '@/api/generated/endpoints/tickets/tickets';
import type { AssetDto } from '@/api/generated/model';
import { ConfirmDelete } from '@/components/confirm-delete';
import { ErrorState, Loading } from '@/components/states';
import { useDeleteAsset } from '@/features/organizations/api/organizations';
import { AssetDialog } from '@/features/organizations/components/asset-dialog';
import { OrganizationDialog } from '@/features/organizations/components/organization-dialog';
import { RelatedTickets } from '@/components/related-tickets';

const Section = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => (
  <Paper component="section" aria-label={title} sx={{ p: 2 }}>
    <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {action}
    </Stack>
    {children}
  </Paper>
);

/** One organization: its details, contacts, assets (managers and admins edit them) and tickets. */
export const OrganizationPage = ({ id, canEdit }: { id: number; canEdit: boolean }) => {
  const organization = useGetOrganization(id);
  const [editing, setEditing] = useState(false);
  if (organization.isPending) return <Loading label="Loading the organization…" />;
  if (organization.isError) return <ErrorState error={organization.error} title="Could not load the organization" />;
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2 }}>
        <div>
          <Typography variant="h5" component="h1">
            {organization.data.name}
          </Typography>
          <Typography color="text.secondary">{organization.data.domain ?? 'No mail domain'}</Typography>
        </div>
        {canEdit && (
          <Button variant="outlined" onClick={() => setEditing(true)}>
            Edit organization
          </Button>
        )}
      </Stack>
      <Contacts organizationId={id} />
      <Assets organizationId={id} canEdit={canEdit} />
      <Tickets organizationId={id} />
      {editing && <OrganizationDialog organization={organization.data} onClose={() => setEditing(false)} />}
    </Stack>
  );
};

const Contacts = ({ organizationId }: { organizationId: number }) => {
  const contacts = useListContacts({ organizationId, limit: 500 });
  return (
    <Section title="Contacts">
      {contacts.isPending ? (
        <Loading label="Loading contacts…" />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} title="Could not load the contacts" />
      ) : contacts.data.length === 0 ? (
        <Typography color="text.secondary">No contacts in this organization.</Typography>
      ) : (
        <Table size="small" aria-label="Contacts of the organization">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Portal</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {contacts.data.map((contact) => (
              <TableRow key={contact.id}>
                <TableCell>
                  <Link component={RouterLink} to={`/contacts/${contact.id}`}>
                    {contact.displayName}
                  </Link>
                </TableCell>
                <TableCell>{contact.email}</TableCell>
                <TableCell>{contact.canSignIn ? 'can sign in' : 'no access'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};

const Assets = ({ organizationId, canEdit }: { organizationId: number; canEdit: boolean }) => {
  const assets = useListOrganizationAssets(organizationId);
  const [editing, setEditing] = useState<AssetDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AssetDto | null>(null);
  const remove = useDeleteAsset(() => setDeleting(null));
  return (
    <Section
      title="Assets"
      action={
        canEdit && (
          <Button variant="contained" size="small" onClick={() => setEditing('new')}>
            Add asset
          </Button>
        )
      }
    >
      {assets.isPending ? (
        <Loading label="Loading assets…" />
      ) : assets.isError ? (
        <ErrorState error={assets.error} title="Could not load the assets" />
      ) : assets.data.length === 0 ? (
        <Typography color="text.secondary">No assets yet.</Typography>
      ) : (
        <Table size="small" aria-label="Assets">
          <TableHead>
            <TableRow>
              <TableCell>Type</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Details</TableCell>
              {canEdit && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {assets.data.map((asset) => (
              <TableRow key={asset.id} data-testid={`asset-row-${asset.id}`}>
                <TableCell>{asset.kind}</TableCell>
                <TableCell>{asset.name}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-line' }}>{asset.description ?? ''}</TableCell>
                {canEdit && (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setEditing(asset)} aria-label={`Edit ${asset.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      onClick={() => {
                        remove.reset();
                        setDeleting(asset);
                      }}
                      aria-label={`Delete ${asset.name}`}
                    >
                      Delete
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <AssetDialog
          organizationId={organizationId}
          asset={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDelete
          what={deleting.name}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() => remove.mutate({ id: organizationId, assetId: deleting.id })}
        />
      )}
    </Section>
  );
};

const Tickets = ({ organizationId }: { organizationId: number }) => {
  const tickets = useListOrganizationTickets(organizationId);
  return (
    <Section title="Tickets">
      {tickets.isPending ? (
        <Loading label="Loading tickets…" />
      ) : tickets.isError ? (
        <ErrorState error={tickets.error} title="Could not load the tickets" />
      ) : (
        <RelatedTickets
          tickets={tickets.data}
          label="Tickets of the organization"
          empty="No tickets yet."
          showReporter
        />
      )}
    </Section>
  );
};
