import { useQueryClient } from '@tanstack/react-query';
import { useReplyToTicket as useGeneratedReplyToTicket } from '@/api/generated/endpoints/tickets/tickets';
import { invalidateTicket } from '@/features/tickets/api/invalidate-ticket';

/** Answer the customer (queued for mailing, 202), then refresh the ticket and its thread. */
export const useReplyToTicket = () => {
  const queryClient = useQueryClient();
  return useGeneratedReplyToTicket({
    mutation: { onSuccess: (_, { number }) => invalidateTicket(queryClient, number) },
  });
};
