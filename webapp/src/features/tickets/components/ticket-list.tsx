import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useListTickets } from '@/api/generated/endpoints/tickets/tickets';
import type { ListTicketsParams } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { LIVE_REFRESH_MS } from '@/lib/react-query';
import {
  EMPTY_FILTERS,
  TicketFilters,
  type TicketFilterValues,
} from '@/features/tickets/components/ticket-filters';
import { TicketTable } from '@/features/tickets/components/ticket-table';

const toParams = (filters: TicketFilterValues, limit: number): ListTicketsParams => ({
  status: filters.status.length ? (filters.status as ListTicketsParams['status']) : undefined,
  priority: filters.priority.length ? (filters.priority as ListTicketsParams['priority']) : undefined,
  unassigned: filters.assignee === 'none' ? true : undefined,
  assigneeId: filters.assignee && filters.assignee !== 'none' ? Number(filters.assignee) : undefined,
  text: filters.text.trim() || undefined,
  includeDone: filters.includeDone || undefined,
  limit,
});

const PAGE = 50;

export const TicketList = () => {
  const [filters, setFilters] = useState<TicketFilterValues>(EMPTY_FILTERS);
  const [limit, setLimit] = useState(PAGE);
  const deferred = useDeferredValue(filters);
  const tickets = useListTickets(toParams(deferred, limit), {
    query: { refetchInterval: LIVE_REFRESH_MS, placeholderData: keepPreviousData },
  });
  // Assignees seen so far feed the assignee filter until an agents API exists.
  const seen = useRef(new Map<number, string>());
  const assignees = useMemo(() => {
    tickets.data?.items.forEach((t) => {
      if (t.assigneeId != null && t.assigneeName) seen.current.set(t.assigneeId, t.assigneeName);
    });
    return [...seen.current].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [tickets.data]);

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
