import { useQueryClient } from '@tanstack/react-query';
import {
  getGetMyTicketQueryKey,
  getListMyTicketsQueryKey,
  useCreateMyTicket,
  useReplyToMyTicket,
} from '@/api/generated/endpoints/customer-portal/customer-portal';

/** Opening a request refreshes "My tickets". */
export const useOpenRequest = () => {
  const queryClient = useQueryClient();
  return useCreateMyTicket({
    mutation: { onSuccess: () => queryClient.invalidateQueries({ queryKey: getListMyTicketsQueryKey() }) },
  });
};

/** A reply shows in the thread and may change the status (PENDING resumes, CLOSED reopens). */
export const usePortalReply = (number: number) => {
  const queryClient = useQueryClient();
  return useReplyToMyTicket({
    mutation: {
      onSuccess: (detail) => {
        queryClient.setQueryData(getGetMyTicketQueryKey(number), detail);
        return queryClient.invalidateQueries({ queryKey: getListMyTicketsQueryKey() });
      },
    },
  });
};
