import { useQueryClient } from '@tanstack/react-query';
import { useUpdateTicket as useGeneratedUpdateTicket } from '@/api/generated/endpoints/tickets/tickets';
import { invalidateTicket } from '@/features/tickets/api/invalidate-ticket';

/** Change status, priority, assignee, suspension or resolution (PATCH), then refresh the ticket. */
export const useUpdateTicket = () => {
  const queryClient = useQueryClient();
  return useGeneratedUpdateTicket({
    mutation: { onSuccess: (_, { number }) => invalidateTicket(queryClient, number) },
  });
};
