import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { StatusChip } from '@/components/status-chip';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { formatDateTime } from '@/utils/duration';
import { Thread } from '@/components/thread';
import {
  portalTicketQuery,
  portalTicketsQuery,
  useCreatePortalTicket,
  usePortalReply,
} from '@/features/portal/api/portal';

export const MyTickets = () => {
  const tickets = useQuery(portalTicketsQuery());
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          My tickets
        </Typography>
        <Button variant="contained" component={RouterLink} to="/portal/new">
          New request
        </Button>
      </Stack>
      <Paper>
        {tickets.isPending ? (
          <Loading label="Loading your tickets…" />
        ) : tickets.isError ? (
          <ErrorState error={tickets.error} title="Could not load your tickets" />
        ) : tickets.data.length === 0 ? (
          <EmptyState>You have no tickets yet.</EmptyState>
        ) : (
          <List aria-label="My tickets">
            {tickets.data.map((ticket) => (
              <ListItemButton key={ticket.number} component={RouterLink} to={`/portal/tickets/${ticket.number}`}>
                <ListItemText primary={`#${ticket.number} ${ticket.subject}`} secondary={`Updated ${formatDateTime(ticket.updatedAt)}`} />
                <StatusChip status={ticket.status} />
              </ListItemButton>
            ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
};

export const NewRequest = ({ onCreated }: { onCreated: (number: number) => void }) => {
  const create = useCreatePortalTicket();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ subject, body }, { onSuccess: (ticket) => onCreated(ticket.number) });
  };
  return (
    <Paper component="form" onSubmit={submit} sx={{ p: 3, maxWidth: 720 }} aria-labelledby="portal-new-title">
      <Stack spacing={2}>
        <Typography id="portal-new-title" variant="h5" component="h1">
          New request
        </Typography>
        <TextField label="Subject" required value={subject} onChange={(event) => setSubject(event.target.value)} />
        <TextField label="How can we help?" required multiline minRows={5} value={body} onChange={(event) => setBody(event.target.value)} />
        {create.isError && <Alert severity="error">{create.error.message}</Alert>}
        <Button type="submit" variant="contained" loading={create.isPending} sx={{ alignSelf: 'flex-start' }}>
          Send request
        </Button>
      </Stack>
    </Paper>
  );
};

export const MyTicket = ({ number }: { number: number }) => {
  const ticket = useQuery(portalTicketQuery(number));
  const reply = usePortalReply(number);
  const [body, setBody] = useState('');
  if (ticket.isPending) return <Loading label={`Loading ticket #${number}…`} />;
  if (ticket.isError) return <ErrorState error={ticket.error} title={`Could not load ticket #${number}`} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h5" component="h1">
          #{ticket.data.number} {ticket.data.subject}
        </Typography>
        <StatusChip status={ticket.data.status} />
      </Paper>
      <Thread messages={ticket.data.messages ?? []} />
      <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-label="Reply">
        <Stack spacing={1.5}>
          <TextField label="Your reply" required multiline minRows={3} value={body} onChange={(event) => setBody(event.target.value)} />
          {reply.isError && <Alert severity="error">{reply.error.message}</Alert>}
          <Button type="submit" variant="contained" loading={reply.isPending} sx={{ alignSelf: 'flex-end' }}>
            Send reply
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
};
