import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  getListQuarantinedMessagesQueryKey,
  useListQuarantinedMessages,
  useRetryQuarantinedMessage,
} from '@/api/generated/endpoints/mailboxes/mailboxes';
import type { QuarantinedMessageDto, QuarantineRetryRequest } from '@/api/generated/model';
import { ErrorState, Loading } from '@/components/states';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/utils/duration';

type Outcome = { severity: 'success' | 'error'; text: string };

/**
 * Mail the sync of one mailbox could not ingest, with the reason, and "Try again": the message is
 * fetched again and ingested through the sync's own path, optionally with a sender picked by hand.
 */
export const QuarantineList = ({ mailboxId, mailboxEmail }: { mailboxId: number; mailboxEmail: string }) => {
  const queryClient = useQueryClient();
  const held = useListQuarantinedMessages(mailboxId, { query: { refetchInterval: 15_000 } });
  const retry = useRetryQuarantinedMessage();
  const [outcome, setOutcome] = useState<Outcome>();
  const [picking, setPicking] = useState<QuarantinedMessageDto>();

  const tryAgain = (message: QuarantinedMessageDto, sender?: { fromEmail: string; fromName?: string }) => {
    setOutcome(undefined);
    retry.mutate(
      // Provider ids may hold '/', '+' and '=' (Microsoft): one encoded path segment. Without a
      // picked sender no body goes out (the body is optional: the sender as received).
      {
        mailboxId,
        providerMessageId: encodeURIComponent(message.providerMessageId),
        data: sender as QuarantineRetryRequest,
      },
      {
        onSuccess: (result) => {
          setPicking(undefined);
          setOutcome({
            severity: 'success',
            text:
              result.ticketNumber != null
                ? `“${message.subject ?? '(no subject)'}” is now part of ticket #${result.ticketNumber}.`
                : `“${message.subject ?? '(no subject)'}” was skipped (${result.skipReason}).`,
          });
        },
        onError: (error) =>
          setOutcome({
            severity: 'error',
            text: `Still failing: ${error instanceof ApiError ? error.message : String(error)}`,
          }),
        onSettled: () => queryClient.invalidateQueries({ queryKey: getListQuarantinedMessagesQueryKey(mailboxId) }),
      },
    );
  };

  if (held.isPending) return <Loading label="Loading quarantined mail…" />;
  if (held.isError) return <ErrorState error={held.error} title="Could not load the quarantined mail" />;
  if (held.data.length === 0 && !outcome) return null;

  return (
    <Paper sx={{ p: 2, overflowX: 'auto' }} component="section" aria-label={`Quarantined mail of ${mailboxEmail}`}>
      <Stack spacing={1}>
        <Typography variant="h6" component="h2">
          Quarantined mail of {mailboxEmail}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          The sync could not ingest these messages and went on with the rest. It tries each one a few times by itself;
          after that it waits for you.
        </Typography>
        {outcome && (
          <Alert severity={outcome.severity} role="status">
            {outcome.text}
          </Alert>
        )}
        {held.data.length > 0 && (
          <Table size="small" aria-label={`Quarantined messages of ${mailboxEmail}`}>
            <TableHead>
              <TableRow>
                <TableCell>Subject</TableCell>
                <TableCell>Sender as received</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>First tried</TableCell>
                <TableCell>Last tried</TableCell>
                <TableCell>State</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {held.data.map((message) => (
                <TableRow key={message.providerMessageId}>
                  <TableCell>{message.subject ?? '(no subject)'}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{message.sender ?? '(none)'}</TableCell>
                  <TableCell sx={{ maxWidth: 360, wordBreak: 'break-word' }}>{message.error}</TableCell>
                  <TableCell>{formatDateTime(message.firstTriedAt)}</TableCell>
                  <TableCell>{formatDateTime(message.lastTriedAt)}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={message.status === 'QUARANTINED' ? 'warning' : 'default'}
                      label={
                        message.status === 'QUARANTINED'
                          ? `Held after ${message.attempts} tries`
                          : `Retrying (${message.attempts})`
                      }
                    />
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      <Button
                        size="small"
                        variant="contained"
                        onClick={() => tryAgain(message)}
                        loading={retry.isPending}
                      >
                        Try again
                      </Button>
                      <Button size="small" onClick={() => setPicking(message)}>
                        Pick sender…
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
      <PickSenderDialog
        message={picking}
        pending={retry.isPending}
        onClose={() => setPicking(undefined)}
        onSubmit={(sender) => picking && tryAgain(picking, sender)}
      />
    </Paper>
  );
};

const PickSenderDialog = ({
  message,
  pending,
  onClose,
  onSubmit,
}: {
  message?: QuarantinedMessageDto;
  pending: boolean;
  onClose: () => void;
  onSubmit: (sender: { fromEmail: string; fromName?: string }) => void;
}) => {
  const [fromEmail, setFromEmail] = useState('');
  const [fromName, setFromName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ fromEmail: fromEmail.trim(), fromName: fromName.trim() || undefined });
  };
  return (
    <Dialog open={message != null} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="pick-sender-title">
      <form onSubmit={submit}>
        <DialogTitle id="pick-sender-title">Try again with another sender</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>Received from: {message?.sender ?? '(none)'}</DialogContentText>
          <Stack direction="row" spacing={2} sx={{ pt: 1 }}>
            <TextField
              id="pick-sender-email"
              label="Sender email"
              type="email"
              required
              autoFocus
              value={fromEmail}
              onChange={(event) => setFromEmail(event.target.value)}
              fullWidth
            />
            <TextField
              id="pick-sender-name"
              label="Sender name"
              value={fromName}
              onChange={(event) => setFromName(event.target.value)}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={pending}>
            Try again with this sender
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
