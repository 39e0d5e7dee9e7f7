import Chip from '@mui/material/Chip';

const STATUS_COLOR = {
  NEW: 'info',
  OPEN: 'primary',
  PENDING: 'warning',
  CLOSED: 'success',
} as const;

const PRIORITY_COLOR = {
  LOW: 'default',
  NORMAL: 'info',
  HIGH: 'warning',
  URGENT: 'error',
} as const;

export const StatusChip = ({ status }: { status: string }) => (
  <Chip
    size="small"
    label={status}
    color={STATUS_COLOR[status as keyof typeof STATUS_COLOR] ?? 'default'}
    variant={status === 'CLOSED' ? 'outlined' : 'filled'}
  />
);

export const PriorityChip = ({ priority }: { priority: string }) => (
  <Chip
    size="small"
    label={priority}
    color={PRIORITY_COLOR[priority as keyof typeof PRIORITY_COLOR] ?? 'default'}
    variant={priority === 'URGENT' || priority === 'HIGH' ? 'filled' : 'outlined'}
  />
);
