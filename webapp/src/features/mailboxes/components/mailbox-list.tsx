import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent, type ReactNode } from 'react';
import { getConnectMailboxUrl, useListMailboxes } from '@/api/generated/endpoints/mailboxes/mailboxes';
import type { MailboxDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { QuarantineList } from '@/features/mailboxes/components/quarantine-list';
import { ApiError, apiFetch } from '@/lib/api-client';
import { formatDateTime } from '@/utils/duration';

/**
 * Connecting goes through Nylas hosted OAuth: the server answers with a redirect. Probing it
 * first (without following) lets a missing NYLAS_CLIENT_ID show as a message, not a JSON page.
 */
const connect = async (email: string) => {
  const url = getConnectMailboxUrl(email ? { email } : undefined);
  const probe = await fetch(url, { redirect: 'manual', credentials: 'same-origin' });
  if (probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400)) {
    window.location.assign(url);
    return;
  }
  await apiFetch(url); // not a redirect: raises the server's ProblemDetail
};

/** What stops a mailbox's sync, as the server reports it (MailboxSyncState). */
export const SyncState = ({ mailbox, onReconnect }: { mailbox: MailboxDto; onReconnect: (email: string) => void }) => {
  const { status, reason, since } = mailbox.sync ?? { status: 'UP' };
  if (status === 'NEEDS_RECONNECT') {
    return (
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Chip size="small" color="warning" label="Needs reconnect" />
        <Typography variant="caption" color="text.secondary">
          Nylas refused access{since ? ` since ${formatDateTime(since)}` : ''}: {reason}
        </Typography>
        <Button size="small" variant="outlined" onClick={() => onReconnect(mailbox.email ?? '')}>
          Reconnect
        </Button>
      </Stack>
    );
  }
  if (status === 'DOWN') {
    return (
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Chip size="small" color="error" label="Sync failing" />
        <Typography variant="caption" color="text.secondary">
          Retrying by itself{since ? ` since ${formatDateTime(since)}` : ''}: {reason}
        </Typography>
      </Stack>
    );
  }
  return (
    <Chip size="small" color={mailbox.active ? 'success' : 'default'} label={mailbox.active ? 'Active' : 'Inactive'} />
  );
};

/**
 * @param showQuarantine whether to list the mail the sync could not ingest (admins, managers)
 * @param lifecycle what opens a mailbox's sync workflow lifecycle (admins, managers)
 */
export const MailboxList = ({
  showQuarantine = false,
  lifecycle,
}: {
  showQuarantine?: boolean;
  lifecycle?: (mailbox: MailboxDto) => ReactNode;
}) => {
  const mailboxes = useListMailboxes({ query: { refetchInterval: 15_000 } });
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [connecting, setConnecting] = useState(false);

  const start = async (address: string) => {
    setError(undefined);
    setConnecting(true);
    try {
      await connect(address);
    } catch (failure) {
      setError(failure instanceof ApiError || failure instanceof Error ? failure.message : String(failure));
    } finally {
      setConnecting(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await start(email.trim());
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Mailboxes
      </Typography>
      <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-label="Connect a mailbox">
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label="Mailbox address (optional)"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            sx={{ minWidth: { sm: 320 }, width: { xs: '100%', sm: 'auto' } }}
          />
          <Button type="submit" variant="contained" loading={connecting}>
            Connect with Nylas
          </Button>
        </Stack>
        {error && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </Paper>
      <Paper sx={{ overflowX: 'auto' }}>
        {mailboxes.isPending ? (
          <Loading label="Loading mailboxes…" />
        ) : mailboxes.isError ? (
          <ErrorState error={mailboxes.error} title="Could not load the mailboxes" />
        ) : mailboxes.data.length === 0 ? (
          <EmptyState>No mailbox is connected yet.</EmptyState>
        ) : (
          <Table size="small" aria-label="Connected mailboxes">
            <TableHead>
              <TableRow>
                <TableCell>Address</TableCell>
                <TableCell>Provider</TableCell>
                <TableCell>State</TableCell>
                <TableCell>Synced until</TableCell>
                <TableCell>Last sync</TableCell>
                {lifecycle && <TableCell>Sync workflow</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {mailboxes.data.map((mailbox) => (
                <TableRow key={mailbox.id}>
                  <TableCell>{mailbox.email ?? `Grant ${mailbox.grantId} (address not known yet)`}</TableCell>
                  <TableCell>{mailbox.provider}</TableCell>
                  <TableCell>
                    <SyncState mailbox={mailbox} onReconnect={(address) => void start(address)} />
                  </TableCell>
                  <TableCell>{formatDateTime(mailbox.syncedUntil)}</TableCell>
                  <TableCell>{formatDateTime(mailbox.lastSyncedAt)}</TableCell>
                  {lifecycle && <TableCell>{lifecycle(mailbox)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {showQuarantine &&
        mailboxes.data?.map((mailbox) => (
          <QuarantineList key={mailbox.id} mailboxId={mailbox.id} mailboxEmail={mailbox.email} />
        ))}
    </Stack>
  );
};
