import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MessageDto } from '@/api/generated/model';
import { EmailHtml } from '@/components/email-html';
import { MessageAttachments, type RetryAttachment, type ThreadAttachment } from '@/components/attachments';
import { EmptyState } from '@/components/states';
import { formatDateTime } from '@/utils/duration';

/** What the thread shows of a message; the portal's messages carry no visibility or delivery. */
export type ThreadMessage = Pick<
  MessageDto,
  'id' | 'bodyHtml' | 'bodyText' | 'direction' | 'fromAddress' | 'occurredAt'
> &
  Partial<Pick<MessageDto, 'visibility' | 'deliveryStatus' | 'deliveryError' | 'ccAddresses'>> & {
    /** Blind copies: only agents' messages carry them (the portal's never do). */
    bccAddresses?: string | null;
    attachments?: ThreadAttachment[];
  };

/** Offered to agents on a reply that could not be sent; the portal passes none. */
export type RetryFailedReply = { retry: (messageId: string) => void; pendingId?: string };

const MessageBody = ({ message }: { message: ThreadMessage }) =>
  message.bodyHtml ? (
    <EmailHtml html={message.bodyHtml} />
  ) : (
    <Typography component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {message.bodyText}
    </Typography>
  );

/** The conversation: customer mails, agent replies and internal notes, oldest first. */
export const Thread = ({
  messages,
  retry,
  retryAttachment,
}: {
  messages: ThreadMessage[];
  retry?: RetryFailedReply;
  retryAttachment?: RetryAttachment;
}) => {
  if (messages.length === 0) return <EmptyState>No messages yet.</EmptyState>;
  return (
    <Stack spacing={2} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Conversation">
      {messages.map((message) => {
        const internal = message.visibility === 'INTERNAL';
        const outbound = message.direction === 'OUTBOUND';
        const failed = outbound && message.deliveryStatus === 'FAILED';
        return (
          <Paper
            component="li"
            key={message.id}
            sx={{
              p: 2,
              ml: outbound ? 6 : 0,
              mr: outbound ? 0 : 6,
              bgcolor: internal ? '#fff8e1' : outbound ? '#eef1fb' : 'background.paper',
            }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1, flexWrap: 'wrap' }}>
              <Typography fontWeight={600}>{message.fromAddress ?? (outbound ? 'Agent' : 'Customer')}</Typography>
              <Typography variant="caption" color="text.secondary">
                {formatDateTime(message.occurredAt)}
              </Typography>
              {internal && <Chip size="small" color="warning" label="Internal note" />}
              {message.deliveryStatus && message.deliveryStatus !== 'SENT' && outbound && (
                <Chip
                  size="small"
                  variant="outlined"
                  color={failed ? 'error' : 'default'}
                  label={message.deliveryStatus}
                />
              )}
            </Stack>
            {(message.ccAddresses || message.bccAddresses) && (
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -0.5, mb: 1 }}>
                {message.ccAddresses && <span data-testid="message-cc">Cc: {message.ccAddresses}</span>}
                {message.ccAddresses && message.bccAddresses && ' · '}
                {message.bccAddresses && <span data-testid="message-bcc">Bcc: {message.bccAddresses}</span>}
              </Typography>
            )}
            {failed && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                <Typography variant="body2" color="error">
                  Not sent: {message.deliveryError ?? 'the mail provider refused it.'}
                </Typography>
                {retry && (
                  <Button
                    size="small"
                    variant="outlined"
                    loading={retry.pendingId === message.id}
                    onClick={() => retry.retry(message.id)}
                  >
                    Send again
                  </Button>
                )}
              </Stack>
            )}
            <MessageBody message={message} />
            <MessageAttachments attachments={message.attachments} retry={retryAttachment} />
          </Paper>
        );
      })}
    </Stack>
  );
};
