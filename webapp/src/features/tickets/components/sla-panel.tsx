import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TicketDto } from '@/api/generated/model';
import { useElapsedSeconds } from '@/hooks/use-elapsed-seconds';
import { formatCountdown, formatDateTime, formatSpan } from '@/utils/duration';
import { ticking } from '@/utils/sla';
import { clockStatus, perMetricSla, SLA_METRIC_LABELS, type PerMetricSla } from '@/utils/sla-metrics';

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

/** The policy applied and one row per metric it sets a target for, in business time. */
const MetricClocks = ({ sla }: { sla: PerMetricSla }) => (
  <>
    <Typography variant="body2" color="text.secondary" data-testid="sla-policy">
      {sla.policy ? `Policy: ${sla.policy.name}` : 'No SLA policy'}
      {sla.calendar ? ` · ${sla.calendar.name}` : ''}
    </Typography>
    {sla.metrics.length === 0 && (
      <Typography variant="body2" color="text.secondary">
        No SLA targets for this ticket.
      </Typography>
    )}
    <Stack component="ul" aria-label="SLA clocks" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {sla.metrics.map((clock) => {
        const status = clockStatus(clock);
        const label = SLA_METRIC_LABELS[clock.metric];
        return (
          <Stack component="li" key={clock.metric} aria-label={label} data-testid={`sla-clock-${clock.metric}`}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2 }}>
              <Typography variant="body2">{label}</Typography>
              <Chip
                size="small"
                label={status.label}
                color={status.tone}
                variant={status.tone === 'default' || status.tone === 'info' ? 'outlined' : 'filled'}
              />
            </Stack>
            <Typography variant="caption" color="text.secondary">
              {status.detail}
            </Typography>
          </Stack>
        );
      })}
    </Stack>
  </>
);

/**
 * The ticket's service levels: with a per-metric SLA (policy, business-time clocks) one row per
 * metric; from an older server the remaining times, ETA and breach flags it always sent.
 */
export const SlaPanel = ({ ticket, fetchedAt }: { ticket: TicketDto; fetchedAt: number }) => {
  const elapsed = useElapsedSeconds(fetchedAt, 5000);
  const sla = ticket.sla;
  const paused = ticket.status === 'PENDING';
  const closed = ticket.status === 'CLOSED';
  const toAssign = ticking(sla.remainingToAssignSeconds, elapsed);
  const toResolve = paused ? sla.remainingToResolveSeconds : ticking(sla.remainingToResolveSeconds, elapsed);
  const suspended = ticking(sla.remainingSuspendedSeconds, elapsed);
  const perMetric = perMetricSla(sla);
  const suspension = paused && (
    <Row label="Suspension left">
      {suspended == null ? '—' : `${formatSpan(Math.max(suspended, 0))} (until ${formatDateTime(ticket.pendingUntil)})`}
    </Row>
  );
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
        {perMetric ? (
          <>
            <MetricClocks sla={perMetric} />
            {suspension}
          </>
        ) : (
          <>
            <Row label="Assign">
              {ticket.assigneeId != null
                ? `assigned ${formatDateTime(ticket.assignedAt)}`
                : toAssign == null
                  ? '—'
                  : formatCountdown(toAssign)}
            </Row>
            <Row label="Resolve">
              {closed
                ? `closed ${formatDateTime(ticket.closedAt)}`
                : toResolve == null
                  ? '—'
                  : formatCountdown(toResolve)}
            </Row>
            <Row label="Due (ETA)">{paused ? 'paused while pending' : formatDateTime(sla.resolutionEta)}</Row>
            {suspension}
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
          </>
        )}
      </Stack>
    </Paper>
  );
};
