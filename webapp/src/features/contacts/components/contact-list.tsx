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
import { Link as RouterLink } from 'react-router';
import { useListContacts } from '@/api/generated/endpoints/contacts/contacts';
import { useListOrganizations } from '@/api/generated/endpoints/organizations/organizations';
import { EmptyState, ErrorState, Loading } from '@/components/states';

/** The customers (contacts), searchable by part of the name or address. */
export const ContactList = () => {
  const [text, setText] = useState('');
  const search = useDeferredValue(text.trim());
  const contacts = useListContacts(search ? { text: search } : undefined, {
    query: { placeholderData: keepPreviousData },
  });
  const organizations = useListOrganizations();
  const organizationName = (id?: number | null) =>
    id == null ? '—' : (organizations.data?.find((organization) => organization.id === id)?.name ?? `#${id}`);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          Contacts
        </Typography>
        <TextField
          size="small"
          type="search"
          label="Search contacts"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </Stack>
      <Paper sx={{ overflowX: 'auto' }}>
        {contacts.isPending ? (
          <Loading label="Loading contacts…" />
        ) : contacts.isError ? (
          <ErrorState error={contacts.error} title="Could not load the contacts" />
        ) : contacts.data.length === 0 ? (
          <EmptyState>{search ? `No contact matches “${search}”.` : 'No contacts yet.'}</EmptyState>
        ) : (
          <Table size="small" aria-label="Contacts">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Email</TableCell>
                <TableCell>Organization</TableCell>
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
                  <TableCell>{organizationName(contact.organizationId)}</TableCell>
                  <TableCell>{contact.canSignIn ? 'can sign in' : 'no access'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
};
