import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getBulkAction,
  getGetBulkActionQueryKey,
  getListTicketsQueryKey,
  useStartBulkAction as useGeneratedStartBulkAction,
} from '@/api/generated/endpoints/tickets/tickets';
import type { ListTicketsParams, TicketListParams } from '@/api/generated/model';

/** How often the progress view asks while the action runs. */
export const BULK_POLL_MS = 1000;

/** The list's query as the filter of "select all matching" (the API wants the flags spelled out). */
export const matchingOf = (params: ListTicketsParams): TicketListParams => {
  const { limit: _limit, cursor: _cursor, ...filter } = params as ListTicketsParams & { cursor?: string };
  return {
    ...(filter as TicketListParams),
    unassigned: !!filter.unassigned,
    mine: !!(filter as TicketListParams).mine,
    includeDone: !!filter.includeDone,
  };
};

export const useStartBulkAction = () => useGeneratedStartBulkAction();

/**
 * The action's progress with its refused tickets (up to 500), polled until it is done; then the
 * ticket lists are refreshed.
 */
export const useBulkProgress = (id: number | undefined) => {
  const queryClient = useQueryClient();
  const params = { outcome: 'REFUSED' as const, limit: 500 };
  return useQuery({
    queryKey: getGetBulkActionQueryKey(id ?? 0, params),
    queryFn: async ({ signal }) => {
      const progress = await getBulkAction(id ?? 0, params, { signal });
      if (progress.done) void queryClient.invalidateQueries({ queryKey: getListTicketsQueryKey() });
      return progress;
    },
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.done ? false : BULK_POLL_MS),
  });
};
