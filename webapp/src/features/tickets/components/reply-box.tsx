import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useAddNote, useReplyToTicket } from '@/api/generated/endpoints/tickets/tickets';
import { features } from '@/config/api';
import { ApiError } from '@/lib/api-client';

type Kind = 'replies' | 'notes';

/** One mutation for both tabs: a reply is queued for mailing (202), a note stored at once (201). */
const usePostMessage = (number: number) => {
  const reply = useReplyToTicket();
  const note = useAddNote();
  const active = (kind: Kind) => (kind === 'replies' ? reply : note);
  return {
    mutate: (kind: Kind, body: string, onSuccess: () => void) =>
      active(kind).mutate({ number, data: { body, bodyFormat: 'TEXT' } }, { onSuccess }),
    reset: () => {
      reply.reset();
      note.reset();
    },
    state: (kind: Kind) => active(kind),
  };
};

/** Answer the customer (sent by email) or leave an internal note for colleagues. */
export const ReplyBox = ({ number, onSent }: { number: number; onSent: () => void }) => {
  const kinds = ([features.replies && 'replies', features.notes && 'notes'].filter(Boolean) as Kind[]);
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'replies');
  const [body, setBody] = useState('');
  const [blank, setBlank] = useState(false);
  const messages = usePostMessage(number);
  const post = messages.state(kind);
  if (kinds.length === 0) return null;
  const serverBlame = post.error instanceof ApiError && post.error.field === 'body' ? post.error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setBlank(true);
      return;
    }
    messages.mutate(kind, body, () => {
      setBody('');
      onSent();
    });
  };

  return (
    <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-label="Reply or note">
      <Tabs
        value={kind}
        onChange={(_, next: Kind) => {
          setKind(next);
          messages.reset();
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
