import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useListContactMerges, useListContacts, useMergeContact } from '@/api/generated/endpoints/contacts/contacts';
import type { ContactDto, ContactMergeDto } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';

type Props = { contact: ContactDto; ticketCount: string };

/**
 * "Merge into another contact…": this contact goes into the one picked, which keeps its name and
 * gains this one's addresses, tickets and portal access. Shows the merge's progress until done.
 */
export const MergeContact = ({ contact, ticketCount }: Props) => {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [target, setTarget] = useState<ContactDto | null>(null);
  const [started, setStarted] = useState<ContactMergeDto | null>(null);
  const candidates = useListContacts({ text: text.trim() || undefined, limit: 20 }, { query: { enabled: open } });
  const merge = useMergeContact({ mutation: { onSuccess: (result) => setStarted(result) } });
  const { fields: blamed, form: problem } = formErrorsOf(merge.error, ['contactId'] as const);
  const others = (candidates.data ?? []).filter((candidate) => candidate.id !== contact.id);
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        Merge into another contact…
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby="merge-dialog-title" fullWidth maxWidth="sm">
          <DialogTitle id="merge-dialog-title">Merge {contact.displayName} into another contact</DialogTitle>
          <DialogContent>
            {started && target ? (
              <MergeProgress merge={started} survivor={target} />
            ) : (
              <Stack spacing={2} sx={{ pt: 1 }}>
                <TextField
                  label="Search contacts"
                  type="search"
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  autoFocus
                />
                <TextField
                  select
                  label="Merge into"
                  value={target ? String(target.id) : ''}
                  onChange={(event) =>
                    setTarget(others.find((candidate) => String(candidate.id) === event.target.value) ?? null)
                  }
                  error={Boolean(blamed.contactId)}
                  helperText={blamed.contactId}
                >
                  {others.map((candidate) => (
                    <MenuItem key={candidate.id} value={String(candidate.id)}>
                      {candidate.displayName} &lt;{candidate.email}&gt;
                    </MenuItem>
                  ))}
                </TextField>
                {target && (
                  <Alert severity="info">
                    {target.displayName} keeps their name and organization and gains {contact.email} as another address,{' '}
                    {ticketCount} ticket(s) and {contact.displayName}&apos;s portal access if they have none.{' '}
                    {contact.displayName} is removed.
                  </Alert>
                )}
                {problem && <Alert severity="error">{problem}</Alert>}
              </Stack>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{started ? 'Close' : 'Cancel'}</Button>
            {!started && (
              <Button
                variant="contained"
                disabled={!target}
                loading={merge.isPending}
                onClick={() => target && merge.mutate({ id: target.id, data: { contactId: contact.id } })}
              >
                Merge
              </Button>
            )}
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};

/** The merge as it goes: tickets moved so far, then done (or the tickets that could not move). */
const MergeProgress = ({ merge, survivor }: { merge: ContactMergeDto; survivor: ContactDto }) => {
  const merges = useListContactMerges(survivor.id, {
    query: { refetchInterval: (query) => (current(query.state.data, merge)?.status === 'RUNNING' ? 1000 : false) },
  });
  const now = current(merges.data, merge) ?? merge;
  const moved = now.ticketsTotal - now.ticketsLeft;
  return (
    <Stack spacing={1} sx={{ pt: 1 }}>
      <Alert severity={now.status === 'INCOMPLETE' ? 'warning' : 'success'}>
        {now.status === 'RUNNING'
          ? `Merging: ${moved} of ${now.ticketsTotal} ticket(s) moved…`
          : now.status === 'DONE'
            ? `Merged: ${now.ticketsTotal} ticket(s) moved.`
            : `Merged, but ${now.failures.length} ticket(s) could not be moved. Merge again to retry.`}
      </Alert>
      {now.failures.map((failure) => (
        <Typography key={failure.ticketNumber} variant="body2">
          #{failure.ticketNumber}: {failure.error}
        </Typography>
      ))}
      <Link component={RouterLink} to={`/contacts/${survivor.id}`}>
        Open {survivor.displayName}
      </Link>
    </Stack>
  );
};

const current = (list: ContactMergeDto[] | undefined, merge: ContactMergeDto) =>
  list?.find((candidate) => candidate.id === merge.id);
