import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatBytes } from '@/lib/multipart';

/** A file of a message as the API lists it (MessageAttachmentDto). */
export type ThreadAttachment = {
  id: string;
  filename: string;
  contentType?: string | null;
  size?: number | null;
  inline?: boolean;
  contentId?: string | null;
  state: string;
  reason?: string | null;
};

/** Offered to agents on a file whose download from the mailbox failed; the portal passes none. */
export type RetryAttachment = { retry: (attachmentId: string) => void; pendingId?: string };

export const downloadUrl = (id: string) => `/api/attachments/${id}`;
export const previewUrl = (id: string) => `/api/attachments/${id}?inline=true`;

const isImage = (file: ThreadAttachment) => (file.contentType ?? '').startsWith('image/');

const describe = (file: ThreadAttachment) =>
  [file.filename, file.contentType, formatBytes(file.size)].filter(Boolean).join(' · ');

/**
 * The files of one message: stored images as previews, other stored files as chips (name, type,
 * size) that download; files still downloading, failed (with Retry) or not kept, with why. Inline
 * images already show in the message body and are not repeated.
 */
export const MessageAttachments = ({
  attachments,
  retry,
}: {
  attachments: ThreadAttachment[] | undefined;
  retry?: RetryAttachment;
}) => {
  const shown = (attachments ?? []).filter((file) => !(file.inline && file.state === 'STORED'));
  if (shown.length === 0) return null;
  return (
    <Stack
      component="ul"
      direction="row"
      spacing={1}
      useFlexGap
      aria-label="Attachments"
      sx={{ listStyle: 'none', p: 0, m: 0, mt: 1.5, flexWrap: 'wrap', alignItems: 'flex-end' }}
    >
      {shown.map((file) => (
        <Box component="li" key={file.id}>
          <Attachment file={file} retry={retry} />
        </Box>
      ))}
    </Stack>
  );
};

const Attachment = ({ file, retry }: { file: ThreadAttachment; retry?: RetryAttachment }) => {
  if (file.state === 'STORED' && isImage(file)) {
    return (
      <Link href={downloadUrl(file.id)} download={file.filename} underline="hover" sx={{ display: 'block' }}>
        <Box
          component="img"
          src={previewUrl(file.id)}
          alt={file.filename}
          sx={{ display: 'block', maxWidth: 240, maxHeight: 160, borderRadius: 1, border: 1, borderColor: 'divider' }}
        />
        <Typography variant="caption">{describe(file)}</Typography>
      </Link>
    );
  }
  if (file.state === 'STORED') {
    return (
      <Chip
        component="a"
        href={downloadUrl(file.id)}
        download={file.filename}
        clickable
        variant="outlined"
        label={describe(file)}
        aria-label={`Download ${describe(file)}`}
      />
    );
  }
  if (file.state === 'PENDING') {
    return <Chip variant="outlined" label={`${file.filename} · downloading…`} />;
  }
  if (file.state === 'FAILED') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Chip variant="outlined" color="error" label={`${file.filename} · failed`} title={file.reason ?? undefined} />
        {retry && (
          <Button
            size="small"
            variant="outlined"
            loading={retry.pendingId === file.id}
            onClick={() => retry.retry(file.id)}
            aria-label={`Retry ${file.filename}`}
          >
            Retry
          </Button>
        )}
      </Stack>
    );
  }
  return <Chip variant="outlined" color="warning" label={`${file.filename} · not kept: ${file.reason ?? 'refused'}`} />;
};
