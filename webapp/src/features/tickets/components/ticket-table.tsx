import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { TicketDto } from '@/api/generated/model';
import { PriorityChip, StatusChip } from '@/components/status-chip';
import { TagChips } from '@/features/tickets/components/tag-chips';
import { SlaChip } from '@/features/tickets/components/sla-chip';
import type { RowSelection } from '@/features/tickets/hooks/use-row-selection';
import { formatDateTime } from '@/utils/duration';

type Props = {
  tickets: TicketDto[];
  fetchedAt: number;
  linkTo?: (ticket: TicketDto) => string;
  /** The row the keyboard (j/k) is on: highlighted and scrolled into view. */
  focused?: number;
  /** With a selection, each row gets a checkbox (bulk actions). */
  selection?: RowSelection;
};

// Columns a phone leaves out (the ticket page shows them): number, subject and status stay.
const wide = { display: { xs: 'none', md: 'table-cell' } } as const;

const scrollIntoView = (row: HTMLTableRowElement | null) => row?.scrollIntoView?.({ block: 'nearest' });

export const TicketTable = ({
  tickets,
  fetchedAt,
  linkTo = (t) => `/tickets/${t.number}`,
  focused,
  selection,
}: Props) => (
  <Table size="small" aria-label="Tickets" sx={{ '& th, & td': { px: { xs: 0.75, sm: 2 } } }}>
    <TableHead>
      <TableRow>
        {selection && (
          <TableCell padding="checkbox">
            <Checkbox
              checked={selection.pageState === 'all'}
              indeterminate={selection.pageState === 'some'}
              onChange={() => selection.togglePage()}
              slotProps={{ input: { 'aria-label': 'Select the tickets on this page' } }}
            />
          </TableCell>
        )}
        <TableCell>#</TableCell>
        <TableCell>Subject</TableCell>
        <TableCell>Status</TableCell>
        <TableCell sx={wide}>Priority</TableCell>
        <TableCell sx={wide}>SLA</TableCell>
        <TableCell sx={wide}>Group</TableCell>
        <TableCell sx={wide}>Assignee</TableCell>
        <TableCell sx={wide}>Customer</TableCell>
        <TableCell sx={wide}>Updated</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {tickets.map((ticket) => (
        <TableRow
          key={ticket.number}
          hover
          data-testid={`ticket-row-${ticket.number}`}
          selected={ticket.number === focused || selection?.isSelected(ticket.number)}
          aria-current={ticket.number === focused ? 'true' : undefined}
          ref={ticket.number === focused ? scrollIntoView : undefined}
          sx={ticket.number === focused ? { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } : undefined}
        >
          {selection && (
            <TableCell padding="checkbox">
              <Checkbox
                checked={selection.isSelected(ticket.number)}
                onClick={(event) => {
                  event.preventDefault();
                  selection.toggle(ticket.number, event.shiftKey);
                }}
                slotProps={{ input: { 'aria-label': `Select ticket ${ticket.number}` } }}
              />
            </TableCell>
          )}
          <TableCell>{ticket.number}</TableCell>
          <TableCell sx={{ maxWidth: 420, minWidth: { md: 180 }, overflowWrap: 'anywhere' }}>
            <Link component={RouterLink} to={linkTo(ticket)} underline="hover" fontWeight={500}>
              {ticket.subject}
            </Link>
            <TagChips tags={ticket.tags} label={`Tags of #${ticket.number}`} />
          </TableCell>
          <TableCell data-testid="ticket-status">
            <StatusChip status={ticket.status} />
          </TableCell>
          <TableCell sx={wide}>
            <PriorityChip priority={ticket.priority} />
          </TableCell>
          <TableCell sx={wide}>
            <SlaChip ticket={ticket} fetchedAt={fetchedAt} />
          </TableCell>
          <TableCell sx={wide} data-testid="ticket-group">
            {ticket.groupName}
          </TableCell>
          <TableCell sx={wide}>
            {ticket.assigneeName ?? (
              <Typography component="span" variant="body2" color="text.secondary">
                Unassigned
              </Typography>
            )}
          </TableCell>
          <TableCell sx={wide}>
            <Stack>
              <span>{ticket.reporterName}</span>
              <Typography variant="caption" color="text.secondary">
                {ticket.organizationName ?? ticket.reporterEmail}
              </Typography>
            </Stack>
          </TableCell>
          <TableCell sx={{ ...wide, whiteSpace: 'nowrap' }}>{formatDateTime(ticket.updatedAt)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
