import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useGetMyTicket, useListMyTickets } from '@/api/generated/endpoints/customer-portal/customer-portal';
import { PriorityChip, StatusChip } from '@/components/status-chip';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { Thread } from '@/components/thread';
import { FilePicker } from '@/components/file-picker';
import { formErrorsOf } from '@/lib/api-client';
import { fileErrorOf } from '@/lib/multipart';
import { liveRefreshInterval } from '@/lib/react-query';
import { formatDateTime } from '@/utils/duration';
import { useOpenRequest, usePortalReply, usePortalReplyWithFiles } from '@/features/portal/api/portal';

export const MyTickets = () => {
  const tickets = useListMyTickets(undefined, { query: { refetchInterval: liveRefreshInterval } });
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
        ) : tickets.data.items.length === 0 ? (
          <EmptyState>You have no tickets yet.</EmptyState>
        ) : (
          <List aria-label="My tickets">
            {tickets.data.items.map((ticket) => (
              <ListItem key={ticket.number} disablePadding>
                <ListItemButton component={RouterLink} to={`/portal/tickets/${ticket.number}`}>
                  <ListItemText
                    primary={`#${ticket.number} ${ticket.subject}`}
                    secondary={`Updated ${formatDateTime(ticket.updatedAt)}${ticket.assigneeName ? ` · ${ticket.assigneeName} is on it` : ''}`}
                  />
                  <StatusChip status={ticket.status} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
};

export const NewRequest = ({ onCreated }: { onCreated: (number: number) => void }) => {
  const create = useOpenRequest();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ data: { subject, description } }, { onSuccess: (detail) => onCreated(detail.ticket.number) });
  };
  const problems = formErrorsOf(create.error, ['subject', 'description']);
  return (
    <Paper component="form" onSubmit={submit} sx={{ p: 3, maxWidth: 720 }} aria-labelledby="portal-new-title">
      <Stack spacing={2}>
        <Typography id="portal-new-title" variant="h5" component="h1">
          New request
        </Typography>
        <TextField
          label="Subject"
          required
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          error={Boolean(problems.fields.subject)}
          helperText={problems.fields.subject}
          slotProps={{ htmlInput: { maxLength: 300 } }}
        />
        <TextField
          label="How can we help?"
          required
          multiline
          minRows={5}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={Boolean(problems.fields.description)}
          helperText={problems.fields.description}
        />
        {problems.form && <Alert severity="error">{problems.form}</Alert>}
        <Button type="submit" variant="contained" loading={create.isPending} sx={{ alignSelf: 'flex-start' }}>
          Send request
        </Button>
      </Stack>
    </Paper>
  );
};

export const MyTicket = ({ number }: { number: number }) => {
  const detail = useGetMyTicket(number, { query: { refetchInterval: liveRefreshInterval } });
  const [files, setFiles] = useState<File[]>([]);
  const plainReply = usePortalReply(number);
  const replyWithFiles = usePortalReplyWithFiles(number);
  const reply = files.length > 0 ? replyWithFiles : plainReply;
  const [body, setBody] = useState('');
  const fileError = fileErrorOf(reply.error);
  const problems = formErrorsOf(fileError ? null : reply.error, ['body']);
  if (detail.isPending) return <Loading label={`Loading ticket #${number}…`} />;
  if (detail.isError) return <ErrorState error={detail.error} title={`Could not load ticket #${number}`} />;
  const { ticket, messages } = detail.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = () => {
      setBody('');
      setFiles([]);
    };
    if (files.length > 0) replyWithFiles.mutate({ data: { body }, files }, { onSuccess: done });
    else plainReply.mutate({ number, data: { body } }, { onSuccess: done });
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
          #{ticket.number} {ticket.subject}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <StatusChip status={ticket.status} />
          <PriorityChip priority={ticket.priority} />
          <Typography variant="body2" color="text.secondary">
            Opened {formatDateTime(ticket.createdAt)}
            {ticket.assigneeName ? ` · ${ticket.assigneeName} is on it` : ' · waiting for an agent'}
          </Typography>
        </Stack>
      </Paper>
      <Thread messages={messages} />
      <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-label="Reply">
        <Stack spacing={1.5}>
          <TextField
            label="Your reply"
            required
            multiline
            minRows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            error={Boolean(problems.fields.body)}
            helperText={problems.fields.body}
          />
          <FilePicker files={files} onChange={setFiles} error={fileError} />
          {problems.form && <Alert severity="error">{problems.form}</Alert>}
          <Button type="submit" variant="contained" loading={reply.isPending} sx={{ alignSelf: 'flex-end' }}>
            Send reply
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
};
