import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateTicket } from '@/features/tickets/api/invalidate-ticket';
import { apiFetch } from '@/lib/api-client';

/** Fetch a FAILED inbound file again (it turns PENDING, then STORED or FAILED); refresh the thread. */
export const useRetryAttachment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ attachmentId }: { number: number; attachmentId: string }) =>
      apiFetch<unknown>(`/api/attachments/${attachmentId}/retry`, { method: 'POST' }),
    onSettled: (_, __, { number }) => invalidateTicket(queryClient, number),
  });
};
