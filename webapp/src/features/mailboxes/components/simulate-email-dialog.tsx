import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useSimulateInboundEmail } from '@/api/generated/endpoints/demo/demo';
import { formErrorsOf } from '@/lib/api-client';

type Form = {
  fromName: string;
  fromEmail: string;
  to: string;
  subject: string;
  body: string;
  ticketNumber: string;
};
const EMPTY: Form = { fromName: '', fromEmail: '', to: '', subject: '', body: '', ticketNumber: '' };
const FIELDS = Object.keys(EMPTY) as (keyof Form)[];

/**
 * Embedded mode only: a customer "writes" to the demo mailbox. The mail goes through the real
 * sync path, so the ticket appears in the list a moment later.
 */
export const SimulateEmailDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [form, setForm] = useState<Form>(EMPTY);
  const [sent, setSent] = useState(false);
  const simulate = useSimulateInboundEmail();
  const problems = formErrorsOf(simulate.error, FIELDS);
  const set = (key: keyof Form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));
  const field = (key: keyof Form, label: string) => ({
    id: `simulate-${key}`,
    label,
    value: form[key],
    onChange: set(key),
    error: Boolean(problems.fields[key]),
    helperText: problems.fields[key],
    fullWidth: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    simulate.mutate(
      {
        data: {
          fromName: form.fromName || undefined,
          fromEmail: form.fromEmail,
          to: form.to || undefined,
          subject: form.subject || undefined,
          body: form.body,
          ticketNumber: form.ticketNumber ? Number(form.ticketNumber) : undefined,
        },
      },
      {
        onSuccess: () => {
          setSent(true);
          setForm(EMPTY);
        },
      },
    );
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="simulate-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="simulate-title">Simulate a customer email</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            The mail lands in the demo mailbox and is picked up like real mail. Nothing leaves this machine.
          </DialogContentText>
          <Stack spacing={2}>
            <Stack direction="row" spacing={2}>
              <TextField {...field('fromEmail', 'From (email)')} required autoFocus />
              <TextField {...field('fromName', 'From (name)')} />
            </Stack>
            <TextField
              {...field('to', 'To (email)')}
              placeholder="support@tempodesk.demo"
              helperText={problems.fields.to ?? 'Default: the demo mailbox. A routing rule may route another address.'}
            />
            <TextField {...field('subject', 'Subject')} />
            <TextField {...field('body', 'Message')} required multiline minRows={4} />
            <TextField {...field('ticketNumber', 'Answering ticket # (optional)')} type="number" />
            {problems.form && <Alert severity="error">{problems.form}</Alert>}
            {sent && (
              <Alert severity="success" role="status">
                Mail received by the demo mailbox; the ticket shows up in the list within seconds.
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Close</Button>
          <Button type="submit" variant="contained" loading={simulate.isPending}>
            Send email
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
