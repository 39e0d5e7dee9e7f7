import type { QueryClient } from '@tanstack/react-query';
import {
  getGetTicketQueryKey,
  getListTicketEventsQueryKey,
  getListTicketMessagesQueryKey,
  getListTicketsQueryKey,
} from '@/api/generated/endpoints/tickets/tickets';

/**
 * After any change to a ticket: refetch it, its conversation and its history, and every ticket
 * list (all filters share the list key's prefix). Not awaited: the change is done, the refetch
 * only catches up.
 */
export const invalidateTicket = (queryClient: QueryClient, number: number) => {
  void queryClient.invalidateQueries({ queryKey: getGetTicketQueryKey(number) });
  void queryClient.invalidateQueries({ queryKey: getListTicketMessagesQueryKey(number) });
  void queryClient.invalidateQueries({ queryKey: getListTicketEventsQueryKey(number) });
  void queryClient.invalidateQueries({ queryKey: getListTicketsQueryKey() });
};
