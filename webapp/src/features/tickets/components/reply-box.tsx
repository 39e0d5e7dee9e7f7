import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useRef, useState, type FormEvent } from 'react';
import { FilePicker } from '@/components/file-picker';
import type { ThreadMessage } from '@/components/thread';
import { ApiError, formErrorsOf } from '@/lib/api-client';
import { fileErrorOf } from '@/lib/multipart';
import { useAddNote } from '@/features/tickets/api/add-note';
import { useNoteWithFiles, useReplyWithFiles } from '@/features/tickets/api/post-with-files';
import { useReplyToTicket } from '@/features/tickets/api/reply-to-ticket';
import { ReplySignature } from '@/features/tickets/components/reply-signature';
import { useShortcuts } from '@/hooks/use-shortcuts';
import { useReplyCollision } from '@/features/tickets/hooks/use-reply-collision';
import { AddressField } from '@/features/tickets/components/address-field';
import { QuotedMessage, quoteHtml } from '@/features/tickets/components/quoted-message';
import { RichEditor, textToHtml, type RichEditorHandle } from '@/features/tickets/components/rich-editor';
import { usePastedImages } from '@/features/tickets/components/pasted-images';

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
    mutate: (
      kind: Kind,
      body: string,
      recipients: Recipients,
      files: File[],
      onSuccess: () => void,
      extra: object = {},
      inline: Record<string, string> = {},
    ) => {
      const data = { body, bodyFormat: 'HTML' as const, ...extra };
      setWithFiles(files.length > 0);
      if (kind === 'replies') {
        const replyData = {
          ...data,
          ...(recipients.cc.length > 0 ? { cc: recipients.cc } : {}),
          ...(recipients.bcc.length > 0 ? { bcc: recipients.bcc } : {}),
        };
        if (files.length > 0) replyWithFiles.mutate({ number, data: replyData, files, inline }, { onSuccess });
        else reply.mutate({ number, data: replyData }, { onSuccess });
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

type Recipients = { cc: string[]; bcc: string[] };

/** The server's problems with single recipients, by list and position (`cc[1]`, `bcc[0]`). */
const recipientErrors = (error: unknown, list: 'cc' | 'bcc'): Record<number, string> => {
  if (!(error instanceof ApiError)) return {};
  const found: Record<number, string> = {};
  const field = error.problem?.field;
  const match = field ? new RegExp(`^${list}\\[(\\d+)\\]$`).exec(field) : null;
  if (match) found[Number(match[1])] = error.problem?.detail ?? 'Not an email address.';
  return found;
};

/** Text filled in by a macro (see MacroPicker): `seq` changes with every pick. */
export type ReplyFill = { seq: number; reply: string; note: string };

/**
 * Answer the customer (sent by email) or leave an internal note for colleagues, in rich text (see
 * RichEditor). Each tab keeps its own draft; a macro fills both (its plain text becomes
 * paragraphs), and nothing is sent until the agent sends. A reply has CC and BCC (chips with
 * contact suggestions) and quotes `quoted`, the thread's newest message, folded under "Show quoted
 * text" unless the agent removes it.
 */
export const ReplyBox = ({ number, fill, quoted }: { number: number; fill?: ReplyFill; quoted?: ThreadMessage }) => {
  const [kind, setKind] = useState<Kind>('replies');
  const [drafts, setDrafts] = useState<Record<Kind, string>>({ replies: '', notes: '' });
  const body = drafts[kind];
  const setBody = (html: string) => setDrafts((current) => ({ ...current, [kind]: html }));
  const [recipients, setRecipients] = useState<Recipients>({ cc: [], bcc: [] });
  // The quote is of one message: removing it holds until a newer one arrives.
  const [removedQuote, setRemovedQuote] = useState<string | null>(null);
  const quote = kind === 'replies' && quoted && removedQuote !== quoted.id ? quoted : undefined;
  // A new macro pick: adopted while rendering, as React advises instead of an effect.
  const [filled, setFilled] = useState(fill?.seq);
  if (fill && fill.seq !== filled) {
    setFilled(fill.seq);
    setDrafts((current) => ({
      replies: textToHtml(fill.reply),
      notes: fill.note ? textToHtml(fill.note) : current.notes,
    }));
    setKind('replies');
  }
  const [blank, setBlank] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const pasted = usePastedImages(); // pasted or dropped images: files shown inline as cid:
  const [signature, setSignature] = useState(true);
  const messages = usePostMessage(number);
  const post = messages.state(kind);
  const fileError = fileErrorOf(post.error);
  const ccErrors = recipientErrors(post.error, 'cc');
  const bccErrors = recipientErrors(post.error, 'bcc');
  const recipientProblem = Object.keys(ccErrors).length + Object.keys(bccErrors).length > 0;
  const problems = formErrorsOf(fileError || recipientProblem ? null : post.error, ['body']);
  const bodyRef = useRef<RichEditorHandle>(null);
  // r: write a reply, n: write a note (the box keeps what was typed in it).
  const write = (next: Kind) => {
    if (next !== kind) {
      setKind(next);
      messages.reset();
    }
    bodyRef.current?.focus();
  };
  useShortcuts({ r: () => write('replies'), n: () => write('notes') });
  const collision = useReplyCollision(number, drafts.replies); // presence "writing", seenUpTo, 409

  const submit = (event?: FormEvent, sendAnyway = false) => {
    event?.preventDefault();
    if (!body.trim()) {
      setBlank(true);
      return;
    }
    const sent = kind;
    const own = kind === 'replies' ? pasted.forSending(body, files) : { html: body, inline: {} };
    const html = quote ? own.html + quoteHtml(quote) : own.html;
    messages.mutate(
      kind,
      html,
      recipients,
      files,
      () => {
        setDrafts((current) => ({ ...current, [sent]: '' }));
        if (sent === 'replies') setRecipients({ cc: [], bcc: [] });
        setFiles([]);
        pasted.clear();
      },
      kind === 'replies' ? { ...collision.fields(sendAnyway), ...(signature ? {} : { signature: false }) } : {},
      own.inline,
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
        {kind === 'replies' && (
          <>
            <AddressField
              label="Cc"
              value={recipients.cc}
              onChange={(cc) => setRecipients((current) => ({ ...current, cc }))}
              serverErrors={ccErrors}
            />
            <AddressField
              label="Bcc"
              value={recipients.bcc}
              onChange={(bcc) => setRecipients((current) => ({ ...current, bcc }))}
              serverErrors={bccErrors}
            />
          </>
        )}
        <RichEditor
          id="reply-body"
          ref={bodyRef}
          label={kind === 'replies' ? 'Reply' : 'Note (only agents see it)'}
          value={body}
          onChange={(html) => {
            setBody(html);
            setBlank(false);
          }}
          error={blank || Boolean(problems.fields.body)}
          helperText={blank ? 'Write something first.' : problems.fields.body}
          onImages={
            kind === 'replies'
              ? (images) => {
                  const added = pasted.add(images);
                  setFiles((current) => [...current, ...added.map((image) => image.file)]);
                  return added.map((image) => image.preview);
                }
              : undefined
          }
        />
        {kind === 'replies' && <ReplySignature number={number} checked={signature} onChange={setSignature} />}
        {quote && <QuotedMessage message={quote} onRemove={() => setRemovedQuote(quote.id)} />}
        <FilePicker files={files} onChange={setFiles} error={fileError} />
        {problems.form && <Alert severity="error">{problems.form}</Alert>}
        {collision.dialog(post.error, () => submit(undefined, true), messages.reset)}
        <Button type="submit" variant="contained" loading={post.isPending} sx={{ alignSelf: 'flex-end' }}>
          {kind === 'replies' ? 'Send reply' : 'Add note'}
        </Button>
      </Stack>
    </Paper>
  );
};
