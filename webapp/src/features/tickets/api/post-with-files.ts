import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTicketRequest,
  MessageDto,
  NoteBody,
  ReplyBody,
  ReplyResponse,
  TicketDto,
} from '@/api/generated/model';
import { invalidateTicket } from '@/features/tickets/api/invalidate-ticket';
import { getListTicketsQueryKey } from '@/api/generated/endpoints/tickets/tickets';
import { postWithFiles } from '@/lib/multipart';

type WithFiles<T> = { number: number; data: T; files: File[] };

/**
 * A reply with files (multipart: part `reply` + `files`, and `inline`, file name → content id, for
 * pasted images the HTML shows as `cid:`), then the ticket and thread refresh.
 */
export const useReplyWithFiles = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ number, data, files, inline }: WithFiles<ReplyBody> & { inline?: Record<string, string> }) =>
      postWithFiles<ReplyResponse>(`/api/tickets/${number}/replies`, 'reply', data, files, inline),
    onSuccess: (_, { number }) => invalidateTicket(queryClient, number),
  });
};

/** An internal note with files (multipart: part `note` + `files`); never mailed. */
export const useNoteWithFiles = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ number, data, files }: WithFiles<NoteBody>) =>
      postWithFiles<MessageDto>(`/api/tickets/${number}/notes`, 'note', data, files),
    onSuccess: (_, { number }) => invalidateTicket(queryClient, number),
  });
};

/** A ticket on behalf of a customer whose first message carries files (part `ticket` + `files`). */
export const useCreateTicketWithFiles = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ data, files }: { data: CreateTicketRequest; files: File[] }) =>
      postWithFiles<TicketDto>('/api/tickets', 'ticket', data, files),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getListTicketsQueryKey() }),
  });
};
