import { useQueryClient } from '@tanstack/react-query';
import { useRetryReply as useGeneratedRetryReply } from '@/api/generated/endpoints/tickets/tickets';
import { invalidateTicket } from '@/features/tickets/api/invalidate-ticket';

/**
 * Send a failed reply again, with the Idempotency-Key of the first attempt (never mailed twice).
 * The ticket is refreshed either way, so the thread shows the reply's delivery state as it is now.
 */
export const useRetryReply = () => {
  const queryClient = useQueryClient();
  return useGeneratedRetryReply({
    mutation: { onSettled: (_, __, { number }) => invalidateTicket(queryClient, number) },
  });
};
