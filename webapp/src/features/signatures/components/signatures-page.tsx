import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useListMailboxes } from '@/api/generated/endpoints/mailboxes/mailboxes';
import type { MailboxDto } from '@/api/generated/model';
import { useGetMailboxSignature, useGetMySignature } from '@/api/generated/endpoints/signatures/signatures';
import { ErrorState, Loading } from '@/components/states';
import { useSetMailboxSignature, useSetMySignature } from '@/features/signatures/api/signatures';
import { SignatureEditor } from '@/features/signatures/components/signature-editor';

const MySignature = () => {
  const mine = useGetMySignature();
  const save = useSetMySignature();
  if (mine.isPending) return <Loading label="Loading your signature…" />;
  if (mine.isError) return <ErrorState error={mine.error} title="Could not load your signature" />;
  return (
    <SignatureEditor
      title="My signature"
      html={mine.data.html}
      save={(html) => save.mutate({ data: { html } })}
      saving={save.isPending}
      saved={save.isSuccess}
      error={save.error}
    />
  );
};

const MailboxFooter = ({ mailbox }: { mailbox: MailboxDto }) => {
  const footer = useGetMailboxSignature(mailbox.id);
  const save = useSetMailboxSignature();
  const title = `Footer of ${mailbox.email ?? `mailbox #${mailbox.id}`}`;
  if (footer.isPending) return <Loading label="Loading the footer…" />;
  if (footer.isError) return <ErrorState error={footer.error} title="Could not load the footer" />;
  return (
    <SignatureEditor
      title={title}
      html={footer.data.html}
      save={(html) => save.mutate({ mailboxId: mailbox.id, data: { html } })}
      saving={save.isPending}
      saved={save.isSuccess}
      error={save.error}
    />
  );
};

const MailboxFooters = () => {
  const mailboxes = useListMailboxes();
  if (mailboxes.isPending) return <Loading label="Loading mailboxes…" />;
  if (mailboxes.isError) return <ErrorState error={mailboxes.error} title="Could not load the mailboxes" />;
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        Each mailbox&apos;s footer follows the agent&apos;s signature in every reply sent from it.
      </Typography>
      {mailboxes.data.length === 0 ? (
        <Typography variant="body2">No mailbox is connected yet.</Typography>
      ) : (
        mailboxes.data.map((mailbox) => <MailboxFooter key={mailbox.id} mailbox={mailbox} />)
      )}
    </>
  );
};

/**
 * Settings → Signatures: the agent's own signature and, for admins, each mailbox's footer. Both
 * are appended to replies (not to notes); the reply box can leave them out.
 */
export const SignaturesPage = ({ canEditMailboxes }: { canEditMailboxes: boolean }) => (
  <Stack spacing={2}>
    <Typography variant="h5" component="h1">
      Signatures
    </Typography>
    <Typography variant="body2" color="text.secondary">
      Appended to your replies to customers, never to internal notes.
    </Typography>
    <MySignature />
    {canEditMailboxes && <MailboxFooters />}
  </Stack>
);
