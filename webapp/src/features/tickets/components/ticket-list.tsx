import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useListTickets } from '@/api/generated/endpoints/tickets/tickets';
import type { ListTicketsParams, TicketPageDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { PageHeading } from '@/components/page-heading';
import { liveRefreshInterval } from '@/lib/react-query';
import { TicketFilters } from '@/features/tickets/components/ticket-filters';
import { toFilterValues, withFilterValues } from '@/features/tickets/utils/list-filter-values';
import { TicketTable } from '@/features/tickets/components/ticket-table';
import { useListParams, type ListParams } from '@/features/tickets/hooks/use-list-params';
import { useListKeyboard } from '@/features/tickets/hooks/use-list-keyboard';
import { ViewsRail } from '@/features/tickets/components/views-rail';
import { BulkBar } from '@/features/tickets/components/bulk-bar';
import { useRowSelection } from '@/features/tickets/hooks/use-row-selection';
import { DownloadLink, downloadUrl } from '@/components/download-link';

const toQuery = (params: ListParams, limit: number): ListTicketsParams =>
  ({ ...params, text: params.text?.trim() || undefined, limit }) as ListTicketsParams;

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

/**
 * The ticket list with its saved views; `canShareViews` for managers and admins; `agents`, whom a
 * bulk change may assign tickets to.
 */
export const TicketList = ({
  canShareViews = false,
  agents = [],
}: {
  canShareViews?: boolean;
  agents?: { id: number; name: string }[];
}) => {
  const [params, setParams] = useListParams();
  const filters = useMemo(() => toFilterValues(params), [params]);
  const [limit, setLimit] = useState(PAGE);
  const deferred = useDeferredValue(params);
  const query = toQuery(deferred, limit);
  const tickets = useListTickets(query, {
    query: { refetchInterval: liveRefreshInterval, placeholderData: keepPreviousData },
  });
  const assignees = useSeenAssignees(tickets.data);
  const selection = useRowSelection(useMemo(() => tickets.data?.items.map((t) => t.number) ?? [], [tickets.data]));
  const navigate = useNavigate();
  const searchRef = useRef<HTMLInputElement>(null);
  const focused = useListKeyboard({
    rows: tickets.data?.items ?? [],
    open: (ticket) => navigate(`/tickets/${ticket.number}`),
    search: () => searchRef.current?.focus(),
  });
  const apply = (next: ListParams, options?: { replace?: boolean }) => {
    setParams(next, options);
    setLimit(PAGE);
    selection.clear();
  };

  return (
    // On a phone the views rail sits above the list (docs/accessibility.md, "Responsive").
    <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2, alignItems: { md: 'flex-start' } }}>
      <ViewsRail current={params} onApply={apply} canShare={canShareViews} />
      <Paper sx={{ flexGrow: 1, minWidth: 0, overflowX: 'auto' }}>
        <Box sx={{ p: 2 }}>
          <Box sx={{ mb: 2, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
            <PageHeading>Tickets</PageHeading>
            <DownloadLink href={downloadUrl('/api/tickets/export', { ...query, limit: undefined })}>
              Export CSV
            </DownloadLink>
          </Box>
          <TicketFilters
            value={filters}
            // Typing in the search box replaces the history entry; other changes add one.
            onChange={(next) => apply(withFilterValues(params, next), { replace: next.text !== filters.text })}
            assignees={assignees}
            searchRef={searchRef}
          />
        </Box>
        <BulkBar selection={selection} params={query} hasMore={!!tickets.data?.nextCursor} agents={agents} />
        <Box sx={{ height: 4 }}>{tickets.isFetching && <LinearProgress aria-label="Refreshing tickets" />}</Box>
        {tickets.isPending ? (
          <Loading label="Loading tickets…" />
        ) : tickets.isError ? (
          <ErrorState error={tickets.error} title="Could not load the tickets" />
        ) : tickets.data.items.length === 0 ? (
          <EmptyState>No tickets match these filters.</EmptyState>
        ) : (
          <>
            <TicketTable
              tickets={tickets.data.items}
              fetchedAt={tickets.dataUpdatedAt}
              focused={focused}
              selection={selection}
            />
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
    </Box>
  );
};
