import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/utils/duration';

export const REPLY_COLLISION = 'urn:tempodesk:problem:reply-collision';

/** A reply another agent sent after the one this agent had seen (the 409's newerReplies). */
export type NewerReply = {
  id: string;
  authorName: string;
  occurredAt?: string;
  excerpt: string;
};

/** The newer replies when `error` is the server's reply-collision 409, else undefined. */
export const newerRepliesOf = (error: unknown): NewerReply[] | undefined =>
  error instanceof ApiError && error.status === 409 && error.problem.type === REPLY_COLLISION
    ? ((error.problem.newerReplies as NewerReply[] | undefined) ?? [])
    : undefined;

/** Asks before sending over a colleague's newer reply, which it shows. */
export const ReplyCollisionDialog = ({
  newer,
  onSendAnyway,
  onCancel,
}: {
  newer: NewerReply[] | undefined;
  onSendAnyway: () => void;
  onCancel: () => void;
}) => (
  <Dialog open={Boolean(newer)} onClose={onCancel} aria-labelledby="reply-collision-title">
    <DialogTitle id="reply-collision-title">Someone else replied</DialogTitle>
    <DialogContent>
      <DialogContentText>
        {newer?.length === 1 ? 'This reply was' : 'These replies were'} sent to the customer after you started writing:
      </DialogContentText>
      <Stack spacing={1} sx={{ mt: 2 }}>
        {newer?.map((reply) => (
          <Paper key={reply.id} variant="outlined" sx={{ p: 1.5 }} data-testid="newer-reply">
            <Typography variant="subtitle2" component="p">
              {reply.authorName}
              {reply.occurredAt ? ` · ${formatDateTime(reply.occurredAt)}` : ''}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {reply.excerpt}
            </Typography>
          </Paper>
        ))}
      </Stack>
    </DialogContent>
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button variant="contained" onClick={onSendAnyway}>
        Send anyway
      </Button>
    </DialogActions>
  </Dialog>
);
