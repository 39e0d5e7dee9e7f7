import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { TicketDto } from '@/api/generated/model';
import { useElapsedSeconds } from '@/hooks/use-elapsed-seconds';
import { slaSummary } from '@/utils/sla';

/** The row's SLA countdown; ticks every few seconds between refreshes of the data. */
export const SlaChip = ({ ticket, fetchedAt }: { ticket: TicketDto; fetchedAt: number }) => {
  const elapsed = useElapsedSeconds(fetchedAt);
  const summary = slaSummary(ticket, elapsed);
  if (!summary) return null;
  return (
    <Tooltip title={summary.description}>
      <Chip
        size="small"
        label={summary.label}
        color={summary.tone}
        variant={summary.tone === 'error' ? 'filled' : 'outlined'}
        aria-label={`${summary.description}: ${summary.label}`}
      />
    </Tooltip>
  );
};
