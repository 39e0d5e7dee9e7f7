import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  getGetMyTicketQueryKey,
  getListMyTicketsQueryKey,
  useCreateMyTicket,
  useReplyToMyTicket,
} from '@/api/generated/endpoints/customer-portal/customer-portal';
import type { PortalReply, PortalTicketDetail } from '@/api/generated/model';
import { postWithFiles } from '@/lib/multipart';

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

/** A reply with files (multipart: part `reply` + `files`); same effects as a plain reply. */
export const usePortalReplyWithFiles = (number: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ data, files }: { data: PortalReply; files: File[] }) =>
      postWithFiles<PortalTicketDetail>(`/api/portal/tickets/${number}/replies`, 'reply', data, files),
    onSuccess: (detail) => {
      queryClient.setQueryData(getGetMyTicketQueryKey(number), detail);
      return queryClient.invalidateQueries({ queryKey: getListMyTicketsQueryKey() });
    },
  });
};
