import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useCreateTicket } from '@/api/generated/endpoints/tickets/tickets';
import {
  CreateTicketRequestChannel,
  CreateTicketRequestPriority,
  type CreateTicketRequest,
  type TicketDto,
} from '@/api/generated/model';
import { FilePicker } from '@/components/file-picker';
import { useCreateTicketWithFiles } from '@/features/tickets/api/post-with-files';
import { formErrorsOf } from '@/lib/api-client';
import { fileErrorOf } from '@/lib/multipart';

type Form = {
  reporterEmail: string;
  reporterName: string;
  subject: string;
  description: string;
  priority: string;
  channel: string;
};
const EMPTY: Form = {
  reporterEmail: '',
  reporterName: '',
  subject: '',
  description: '',
  priority: 'NORMAL',
  channel: 'PHONE',
};
const FIELDS = Object.keys(EMPTY) as (keyof Form)[];

/** An agent opens a ticket for a customer who called, wrote or walked in. */
export const NewTicketForm = ({ onCreated }: { onCreated: (ticket: TicketDto) => void }) => {
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [files, setFiles] = useState<File[]>([]);
  const createJson = useCreateTicket();
  const createWithFiles = useCreateTicketWithFiles();
  const create = files.length > 0 ? createWithFiles : createJson;
  const set = (key: keyof Form) => (event: { target: { value: string } }) => {
    setForm((current) => ({ ...current, [key]: event.target.value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const field = (key: keyof Form, label: string) => ({
    id: `new-${key}`,
    label,
    value: form[key],
    onChange: set(key),
    error: Boolean(errors[key]),
    helperText: errors[key],
    fullWidth: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: typeof errors = {};
    if (!form.reporterEmail.trim()) missing.reporterEmail = "The customer's email is required.";
    if (!form.subject.trim()) missing.subject = 'A subject is required.';
    if (!form.description.trim()) missing.description = 'Describe the problem.';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    const data: CreateTicketRequest = {
      reporterEmail: form.reporterEmail.trim(),
      reporterName: form.reporterName.trim() || undefined,
      subject: form.subject.trim(),
      description: form.description,
      priority: form.priority as CreateTicketRequest['priority'],
      channel: form.channel as CreateTicketRequest['channel'],
    };
    const handlers = {
      onSuccess: onCreated,
      onError: (error: unknown) => {
        const placed = formErrorsOf(error, FIELDS);
        if (!placed.form) setErrors(placed.fields);
      },
    };
    if (files.length > 0) createWithFiles.mutate({ data, files }, handlers);
    else createJson.mutate({ data }, handlers);
  };

  const fileError = fileErrorOf(create.error);
  const unplaced = fileError ? undefined : formErrorsOf(create.error, FIELDS).form;
  return (
    <Paper component="form" onSubmit={submit} sx={{ p: 3, maxWidth: 760 }} noValidate aria-labelledby="new-title">
      <Stack spacing={2}>
        <Typography id="new-title" variant="h5" component="h1">
          New ticket on behalf of a customer
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField {...field('reporterEmail', 'Customer email')} required />
          <TextField {...field('reporterName', 'Customer name')} />
        </Stack>
        <TextField {...field('subject', 'Subject')} required />
        <TextField {...field('description', 'Description')} required multiline minRows={5} />
        <FilePicker files={files} onChange={setFiles} error={fileError} />
        <Stack direction="row" spacing={2}>
          <TextField select {...field('priority', 'Priority')}>
            {Object.values(CreateTicketRequestPriority).map((priority) => (
              <MenuItem key={priority} value={priority}>
                {priority}
              </MenuItem>
            ))}
          </TextField>
          <TextField select {...field('channel', 'Channel')}>
            {Object.values(CreateTicketRequestChannel)
              .filter((channel) => channel !== 'PORTAL')
              .map((channel) => (
                <MenuItem key={channel} value={channel}>
                  {channel.charAt(0) + channel.slice(1).toLowerCase()}
                </MenuItem>
              ))}
          </TextField>
        </Stack>
        {unplaced && <Alert severity="error">{unplaced}</Alert>}
        <Button type="submit" variant="contained" loading={create.isPending} sx={{ alignSelf: 'flex-start' }}>
          Create ticket
        </Button>
      </Stack>
    </Paper>
  );
};
