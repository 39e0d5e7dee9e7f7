import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useListTickets } from '@/api/generated/endpoints/tickets/tickets';
import type { ListTicketsParams, TicketPageDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { LIVE_REFRESH_MS } from '@/lib/react-query';
import { EMPTY_FILTERS, TicketFilters, type TicketFilterValues } from '@/features/tickets/components/ticket-filters';
import { TicketTable } from '@/features/tickets/components/ticket-table';

const toParams = (filters: TicketFilterValues, limit: number): ListTicketsParams => ({
  status: filters.status.length ? (filters.status as ListTicketsParams['status']) : undefined,
  priority: filters.priority.length ? (filters.priority as ListTicketsParams['priority']) : undefined,
  unassigned: filters.assignee === 'none' ? true : undefined,
  assigneeId: filters.assignee && filters.assignee !== 'none' ? Number(filters.assignee) : undefined,
  text: filters.text.trim() || undefined,
  includeDone: filters.includeDone || undefined,
  tag: filters.tags.length ? filters.tags : undefined,
  limit,
});

const PAGE = 50;

/**
 * Assignees seen so far in the list feed the assignee filter. Kept in state and extended while
 * rendering a new page of results (React's "storing information from previous renders").
 */
const useSeenAssignees = (page: TicketPageDto | undefined) => {
  const [seen, setSeen] = useState<{ page?: TicketPageDto; names: Map<number, string> }>({ names: new Map() });
  if (page !== seen.page) {
    const names = new Map(seen.names);
    page?.items.forEach((t) => {
      if (t.assigneeId != null && t.assigneeName) names.set(t.assigneeId, t.assigneeName);
    });
    setSeen({ page, names });
  }
  return useMemo(
    () => [...seen.names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    [seen.names],
  );
};

export const TicketList = () => {
  const [filters, setFilters] = useState<TicketFilterValues>(EMPTY_FILTERS);
  const [limit, setLimit] = useState(PAGE);
  const deferred = useDeferredValue(filters);
  const tickets = useListTickets(toParams(deferred, limit), {
    query: { refetchInterval: LIVE_REFRESH_MS, placeholderData: keepPreviousData },
  });
  const assignees = useSeenAssignees(tickets.data);

  return (
    <Paper>
      <Box sx={{ p: 2 }}>
        <TicketFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setLimit(PAGE);
          }}
          assignees={assignees}
        />
      </Box>
      <Box sx={{ height: 4 }}>{tickets.isFetching && <LinearProgress aria-label="Refreshing tickets" />}</Box>
      {tickets.isPending ? (
        <Loading label="Loading tickets…" />
      ) : tickets.isError ? (
        <ErrorState error={tickets.error} title="Could not load the tickets" />
      ) : tickets.data.items.length === 0 ? (
        <EmptyState>No tickets match these filters.</EmptyState>
      ) : (
        <>
          <TicketTable tickets={tickets.data.items} fetchedAt={tickets.dataUpdatedAt} />
          {tickets.data.nextCursor && (
            <Box sx={{ p: 2, textAlign: 'center' }}>
              <Button onClick={() => setLimit((current) => Math.min(current + PAGE, 200))} disabled={limit >= 200}>
                Show more
              </Button>
            </Box>
          )}
        </>
      )}
    </Paper>
  );
};
