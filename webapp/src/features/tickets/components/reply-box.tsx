import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useRef, useState, type FormEvent } from 'react';
import { FilePicker } from '@/components/file-picker';
import { formErrorsOf } from '@/lib/api-client';
import { fileErrorOf } from '@/lib/multipart';
import { useAddNote } from '@/features/tickets/api/add-note';
import { useNoteWithFiles, useReplyWithFiles } from '@/features/tickets/api/post-with-files';
import { useReplyToTicket } from '@/features/tickets/api/reply-to-ticket';
import { ReplySignature } from '@/features/tickets/components/reply-signature';
import { useShortcuts } from '@/hooks/use-shortcuts';

type Kind = 'replies' | 'notes';

/**
 * One mutation for both tabs: a reply is queued for mailing (202), a note stored at once (201).
 * With files it goes as multipart/form-data, else as JSON.
 */
const usePostMessage = (number: number) => {
  const reply = useReplyToTicket();
  const note = useAddNote();
  const replyWithFiles = useReplyWithFiles();
  const noteWithFiles = useNoteWithFiles();
  const [withFiles, setWithFiles] = useState(false);
  const active = (kind: Kind) =>
    kind === 'replies' ? (withFiles ? replyWithFiles : reply) : withFiles ? noteWithFiles : note;
  return {
    mutate: (kind: Kind, body: string, files: File[], onSuccess: () => void, signature = true) => {
      const data = { body, bodyFormat: 'TEXT' as const, ...(signature ? {} : { signature: false }) };
      setWithFiles(files.length > 0);
      if (kind === 'replies') {
        if (files.length > 0) replyWithFiles.mutate({ number, data, files }, { onSuccess });
        else reply.mutate({ number, data }, { onSuccess });
      } else if (files.length > 0) noteWithFiles.mutate({ number, data, files }, { onSuccess });
      else note.mutate({ number, data }, { onSuccess });
    },
    reset: () => {
      reply.reset();
      note.reset();
      replyWithFiles.reset();
      noteWithFiles.reset();
    },
    state: (kind: Kind) => active(kind),
  };
};

/** Text filled in by a macro (see MacroPicker): `seq` changes with every pick. */
export type ReplyFill = { seq: number; reply: string; note: string };

/**
 * Answer the customer (sent by email) or leave an internal note for colleagues. Each tab keeps its
 * own draft; a macro fills both, and nothing is sent until the agent sends.
 */
export const ReplyBox = ({ number, fill }: { number: number; fill?: ReplyFill }) => {
  const [kind, setKind] = useState<Kind>('replies');
  const [drafts, setDrafts] = useState<Record<Kind, string>>({ replies: '', notes: '' });
  const body = drafts[kind];
  const setBody = (text: string) => setDrafts((current) => ({ ...current, [kind]: text }));
  // A new macro pick: adopted while rendering, as React advises instead of an effect.
  const [filled, setFilled] = useState(fill?.seq);
  if (fill && fill.seq !== filled) {
    setFilled(fill.seq);
    setDrafts((current) => ({ replies: fill.reply, notes: fill.note || current.notes }));
    setKind('replies');
  }
  const [blank, setBlank] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [signature, setSignature] = useState(true);
  const messages = usePostMessage(number);
  const post = messages.state(kind);
  const fileError = fileErrorOf(post.error);
  const problems = formErrorsOf(fileError ? null : post.error, ['body']);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // r: write a reply, n: write a note (the box keeps what was typed in it).
  const write = (next: Kind) => {
    if (next !== kind) {
      setKind(next);
      messages.reset();
    }
    bodyRef.current?.focus();
  };
  useShortcuts({ r: () => write('replies'), n: () => write('notes') });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setBlank(true);
      return;
    }
    const sent = kind;
    messages.mutate(
      kind,
      body,
      files,
      () => {
        setDrafts((current) => ({ ...current, [sent]: '' }));
        setFiles([]);
      },
      kind === 'notes' || signature,
    );
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
        <Tab value="replies" label="Reply to customer" />
        <Tab value="notes" label="Internal note" />
      </Tabs>
      <Stack spacing={1.5} sx={{ pt: 2 }}>
        <TextField
          id="reply-body"
          inputRef={bodyRef}
          label={kind === 'replies' ? 'Reply' : 'Note (only agents see it)'}
          multiline
          minRows={3}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            setBlank(false);
          }}
          error={blank || Boolean(problems.fields.body)}
          helperText={blank ? 'Write something first.' : problems.fields.body}
        />
        {kind === 'replies' && <ReplySignature number={number} checked={signature} onChange={setSignature} />}
        <FilePicker files={files} onChange={setFiles} error={fileError} />
        {problems.form && <Alert severity="error">{problems.form}</Alert>}
        <Button type="submit" variant="contained" loading={post.isPending} sx={{ alignSelf: 'flex-end' }}>
          {kind === 'replies' ? 'Send reply' : 'Add note'}
        </Button>
      </Stack>
    </Paper>
  );
};
