import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TicketEventDto } from '@/api/generated/model';
import { EmptyState } from '@/components/states';
import { formatDateTime } from '@/utils/duration';

const describe = (event: TicketEventDto) =>
  event.changes.length === 0
    ? event.kind.toLowerCase().replaceAll('_', ' ')
    : event.changes.map((change) => `${change.field}: ${change.from ?? '—'} → ${change.to ?? '—'}`).join('; ');

/** Every change with who, when and why, newest first. */
export const AuditTimeline = ({ events }: { events: TicketEventDto[] }) => (
  <Paper sx={{ p: 2 }} aria-labelledby="audit-title">
    <Typography id="audit-title" variant="h6" component="h2" gutterBottom>
      History
    </Typography>
    {events.length === 0 ? (
      <EmptyState>No changes yet.</EmptyState>
    ) : (
      <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Audit trail">
        {[...events].reverse().map((event) => (
          <li key={event.id} data-testid="audit-entry">
            <Typography variant="body2" fontWeight={500}>
              {describe(event)}
            </Typography>
            {event.comment && (
              <Typography variant="body2" sx={{ fontStyle: 'italic', overflowWrap: 'anywhere' }}>
                “{event.comment}”
              </Typography>
            )}
            <Typography variant="caption" color="text.secondary">
              {event.actorName ?? event.actorKind} · {formatDateTime(event.occurredAt)}
            </Typography>
          </li>
        ))}
      </Stack>
    )}
  </Paper>
);
