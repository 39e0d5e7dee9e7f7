import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { getListTicketMessagesQueryKey } from '@/api/generated/endpoints/tickets/tickets';
import type { MessageDto } from '@/api/generated/model';
import { newerRepliesOf, ReplyCollisionDialog } from '@/features/tickets/components/reply-collision-dialog';
import { setTyping } from '@/features/tickets/hooks/use-presence';

/**
 * The reply box's part in presence and collision. While a reply draft is being written the agent
 * shows as writing; when writing starts, the newest message of the thread is remembered and sent
 * as `seenUpTo`, so the server refuses (409) a reply that would cross a colleague's. The dialog
 * shows that reply; "Send anyway" resends with `sendAnyway`, "Cancel" keeps the draft, now
 * counting the colleague's reply as seen.
 */
export const useReplyCollision = (number: number, draft: string) => {
  const queryClient = useQueryClient();
  const writing = draft.trim() !== '';
  const newestMessage = () => queryClient.getQueryData<MessageDto[]>(getListTicketMessagesQueryKey(number))?.at(-1)?.id;
  // Writing started or ended: adopted while rendering, as React advises instead of an effect.
  const [wasWriting, setWasWriting] = useState(false);
  const [seenUpTo, setSeenUpTo] = useState<string>();
  if (writing !== wasWriting) {
    setWasWriting(writing);
    setSeenUpTo(writing ? newestMessage() : undefined);
  }
  useEffect(() => {
    setTyping(number, writing);
    return () => setTyping(number, false);
  }, [number, writing]);

  return {
    /** What the reply carries: seenUpTo, and sendAnyway once the agent confirmed. */
    fields: (sendAnyway = false) => ({ ...(seenUpTo ? { seenUpTo } : {}), ...(sendAnyway ? { sendAnyway } : {}) }),
    /** The confirmation for a reply the server refused as a collision (nothing otherwise). */
    dialog: (error: unknown, sendAnyway: () => void, dismiss: () => void): ReactNode => {
      const newer = newerRepliesOf(error);
      return (
        <ReplyCollisionDialog
          newer={newer}
          onSendAnyway={sendAnyway}
          onCancel={() => {
            setSeenUpTo(newer?.at(-1)?.id ?? seenUpTo);
            dismiss();
          }}
        />
      );
    },
  };
};
