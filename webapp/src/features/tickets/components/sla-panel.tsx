import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TicketDto } from '@/api/generated/model';
import { useElapsedSeconds } from '@/hooks/use-elapsed-seconds';
import { formatCountdown, formatDateTime, formatSpan } from '@/utils/duration';
import { ticking } from '@/utils/sla';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 2 }}>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="body2" component="div" sx={{ textAlign: 'right' }}>
      {children}
    </Typography>
  </Stack>
);

/** "met" only once the clock stopped in time; a clock still running is "on track". */
const clockLabel = (clock: string, breached: boolean, stopped: boolean) =>
  `${clock} SLA ${breached ? 'breached' : stopped ? 'met' : 'on track'}`;

/** Remaining times, ETA, suspension and breach flags of a ticket's service levels. */
export const SlaPanel = ({ ticket, fetchedAt }: { ticket: TicketDto; fetchedAt: number }) => {
  const elapsed = useElapsedSeconds(fetchedAt, 5000);
  const sla = ticket.sla;
  const paused = ticket.status === 'PENDING';
  const closed = ticket.status === 'CLOSED';
  const toAssign = ticking(sla.remainingToAssignSeconds, elapsed);
  const toResolve = paused ? sla.remainingToResolveSeconds : ticking(sla.remainingToResolveSeconds, elapsed);
  const suspended = ticking(sla.remainingSuspendedSeconds, elapsed);
  return (
    <Paper sx={{ p: 2 }} aria-labelledby="sla-title">
      <Stack spacing={1}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id="sla-title" variant="h6" component="h2">
            SLA
          </Typography>
          {paused && <Chip size="small" label="Clock paused" />}
          {closed && <Chip size="small" color="success" variant="outlined" label="Done" />}
        </Stack>
        <Row label="Assign">
          {ticket.assigneeId != null
            ? `assigned ${formatDateTime(ticket.assignedAt)}`
            : toAssign == null
              ? '—'
              : formatCountdown(toAssign)}
        </Row>
        <Row label="Resolve">
          {closed ? `closed ${formatDateTime(ticket.closedAt)}` : toResolve == null ? '—' : formatCountdown(toResolve)}
        </Row>
        <Row label="Due (ETA)">{paused ? 'paused while pending' : formatDateTime(sla.resolutionEta)}</Row>
        {paused && (
          <Row label="Suspension left">
            {suspended == null
              ? '—'
              : `${formatSpan(Math.max(suspended, 0))} (until ${formatDateTime(ticket.pendingUntil)})`}
          </Row>
        )}
        <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
          <Chip
            size="small"
            color={sla.assignBreached ? 'error' : 'default'}
            variant={sla.assignBreached ? 'filled' : 'outlined'}
            label={clockLabel('Assign', sla.assignBreached, ticket.assigneeId != null)}
          />
          <Chip
            size="small"
            color={sla.resolveBreached ? 'error' : 'default'}
            variant={sla.resolveBreached ? 'filled' : 'outlined'}
            label={clockLabel('Resolve', sla.resolveBreached, closed)}
          />
        </Stack>
      </Stack>
    </Paper>
  );
};
