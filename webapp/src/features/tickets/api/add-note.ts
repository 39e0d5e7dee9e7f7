import { useQueryClient } from '@tanstack/react-query';
import { useAddNote as useGeneratedAddNote } from '@/api/generated/endpoints/tickets/tickets';
import { invalidateTicket } from '@/features/tickets/api/invalidate-ticket';

/** Leave an internal note (stored at once, 201), then refresh the ticket and its thread. */
export const useAddNote = () => {
  const queryClient = useQueryClient();
  return useGeneratedAddNote({
    mutation: { onSuccess: (_, { number }) => invalidateTicket(queryClient, number) },
  });
};
