import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useListOrganizations } from '@/api/generated/endpoints/organizations/organizations';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { OrganizationDialog } from '@/features/organizations/components/organization-dialog';

/** The customer organizations, searchable by name or domain; managers and admins add them. */
export const OrganizationList = ({ canEdit }: { canEdit: boolean }) => {
  const [text, setText] = useState('');
  const search = useDeferredValue(text.trim());
  const organizations = useListOrganizations(search ? { text: search } : undefined, {
    query: { placeholderData: keepPreviousData },
  });
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          Organizations
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            size="small"
            type="search"
            label="Search organizations"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          {canEdit && (
            <Button variant="contained" onClick={() => setAdding(true)}>
              Add organization
            </Button>
          )}
        </Stack>
      </Stack>
      <Paper sx={{ overflowX: 'auto' }}>
        {organizations.isPending ? (
          <Loading label="Loading organizations…" />
        ) : organizations.isError ? (
          <ErrorState error={organizations.error} title="Could not load the organizations" />
        ) : organizations.data.length === 0 ? (
          <EmptyState>{search ? `No organization matches “${search}”.` : 'No organizations yet.'}</EmptyState>
        ) : (
          <Table size="small" aria-label="Organizations">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Domain</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {organizations.data.map((organization) => (
                <TableRow key={organization.id}>
                  <TableCell>
                    <Link component={RouterLink} to={`/organizations/${organization.id}`}>
                      {organization.name}
                    </Link>
                  </TableCell>
                  <TableCell>{organization.domain ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {adding && (
        <OrganizationDialog
          onClose={() => setAdding(false)}
          onCreated={(created) => navigate(`/organizations/${created.id}`)}
        />
      )}
    </Stack>
  );
};
