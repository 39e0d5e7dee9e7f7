import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AppLink } from '@/components/app-link';
import type { TicketDto } from '@/api/generated/model';
import { StatusChip } from '@/components/status-chip';
import { formatDateTime } from '@/utils/duration';

type Props = { tickets: TicketDto[]; label: string; empty: string; showReporter?: boolean };

/** Tickets as links to their pages (open ones first, as the API sends them). */
export const RelatedTickets = ({ tickets, label, empty, showReporter = false }: Props) =>
  tickets.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      {empty}
    </Typography>
  ) : (
    <List dense disablePadding aria-label={label}>
      {tickets.map((ticket) => (
        <ListItem key={ticket.number} disableGutters>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0, flexWrap: 'wrap' }}>
            <StatusChip status={ticket.status} />
            <AppLink to={`/tickets/${ticket.number}`}>
              #{ticket.number} {ticket.subject}
            </AppLink>
            <Typography variant="caption" color="text.secondary">
              {showReporter ? `${ticket.reporterName} · ` : ''}
              {formatDateTime(ticket.createdAt)}
            </Typography>
          </Stack>
        </ListItem>
      ))}
    </List>
  );
