import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { features } from '@/config/api';
import { ApiError, apiFetch } from '@/lib/api-client';

// POST /api/tickets/{number}/replies ({body, bodyFormat?, cc?, setStatus?} → 202 with the queued
// message) and /notes ({body, bodyFormat?} → 201) are being merged; this box shows only once
// openapi.json has them. Switch to the generated hooks then (give both an operationId).
type Kind = 'replies' | 'notes';

const usePostMessage = (number: number) =>
  useMutation({
    mutationFn: ({ kind, body }: { kind: Kind; body: string }) =>
      apiFetch<unknown>(`/api/tickets/${number}/${kind}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body, bodyFormat: 'TEXT' }),
      }),
  });

/** Answer the customer (sent by email) or leave an internal note for colleagues. */
export const ReplyBox = ({ number, onSent }: { number: number; onSent: () => void }) => {
  const kinds = ([features.replies && 'replies', features.notes && 'notes'].filter(Boolean) as Kind[]);
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'replies');
  const [body, setBody] = useState('');
  const [blank, setBlank] = useState(false);
  const post = usePostMessage(number);
  if (kinds.length === 0) return null;
  const serverBlame = post.error instanceof ApiError && post.error.field === 'body' ? post.error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setBlank(true);
      return;
    }
    post.mutate({ kind, body }, { onSuccess: () => { setBody(''); onSent(); } });
  };

  return (
    <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-label="Reply or note">
      <Tabs
        value={kind}
        onChange={(_, next: Kind) => {
          setKind(next);
          post.reset();
        }}
        aria-label="Message kind"
      >
        {kinds.includes('replies') && <Tab value="replies" label="Reply to customer" />}
        {kinds.includes('notes') && <Tab value="notes" label="Internal note" />}
      </Tabs>
      <Stack spacing={1.5} sx={{ pt: 2 }}>
        <TextField
          id="reply-body"
          label={kind === 'replies' ? 'Reply' : 'Note (only agents see it)'}
          multiline
          minRows={3}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            setBlank(false);
          }}
          error={blank || Boolean(serverBlame)}
          helperText={blank ? 'Write something first.' : serverBlame}
        />
        {post.isError && !serverBlame && <Alert severity="error">{post.error.message}</Alert>}
        <Button type="submit" variant="contained" loading={post.isPending} sx={{ alignSelf: 'flex-end' }}>
          {kind === 'replies' ? 'Send reply' : 'Add note'}
        </Button>
      </Stack>
    </Paper>
  );
};
