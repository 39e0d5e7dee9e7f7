import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { EmailHtml } from '@/components/email-html';
import type { ThreadMessage } from '@/components/thread';
import { formatDateTime } from '@/utils/duration';
import { escapeHtml as escape, textToHtml } from '@/features/tickets/components/rich-editor';

const sender = (message: ThreadMessage) =>
  message.fromAddress ?? (message.direction === 'OUTBOUND' ? 'Support' : 'Customer');

/**
 * The previous message as the reply quotes it: an "On <date>, <name> wrote:" line and the message
 * in a `<blockquote>` (the server keeps it when sanitizing; its text alternative gets `> ` lines).
 */
export const quoteHtml = (message: ThreadMessage): string =>
  `<p>On ${escape(formatDateTime(message.occurredAt))}, ${escape(sender(message))} wrote:</p>` +
  `<blockquote>${message.bodyHtml ? message.bodyHtml : textToHtml(message.bodyText ?? '')}</blockquote>`;

/**
 * The quoted previous message under the composer, folded: "Show quoted text" opens it, "Remove
 * quoted text" leaves it out of the reply.
 */
export const QuotedMessage = ({ message, onRemove }: { message: ThreadMessage; onRemove: () => void }) => {
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <Stack direction="row" spacing={1}>
        <Button size="small" aria-expanded={open} aria-controls="quoted-text" onClick={() => setOpen(!open)}>
          {open ? 'Hide quoted text' : 'Show quoted text'}
        </Button>
        <Button size="small" color="inherit" onClick={onRemove}>
          Remove quoted text
        </Button>
      </Stack>
      <Collapse in={open} unmountOnExit>
        <Box id="quoted-text" data-testid="quoted-text" sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5, mt: 1 }}>
          <Typography variant="caption" color="text.secondary" component="p">
            On {formatDateTime(message.occurredAt)}, {sender(message)} wrote:
          </Typography>
          {message.bodyHtml ? (
            <EmailHtml html={message.bodyHtml} />
          ) : (
            <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
              {message.bodyText}
            </Typography>
          )}
        </Box>
      </Collapse>
    </Box>
  );
};
