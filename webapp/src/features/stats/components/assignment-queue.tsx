import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useGetAssignmentQueue } from '@/api/generated/endpoints/assignment-controller/assignment-controller';
import type { WaitingTicketDto } from '@/api/generated/model';
import { PriorityChip } from '@/components/status-chip';
import { ErrorState, Loading } from '@/components/states';
import { LIVE_REFRESH_MS } from '@/lib/react-query';
import { formatDateTime } from '@/utils/duration';

/** When it must be resolved, and the skills it waits for (until any member of its group may take it). */
const waitingLine = (ticket: WaitingTicketDto) => {
  const resolveBy = `resolve by ${formatDateTime(ticket.resolveDueAt)}`;
  if (!ticket.skilledOnly) return resolveBy;
  return `${resolveBy} · waits for ${ticket.skills.join(', ')} until ${formatDateTime(ticket.fallbackAt)}`;
};

/**
 * What the auto-assigner sees: unassigned tickets in its order with their group, how many wait per
 * group, and every available agent's load.
 */
/** @param lifecycle what opens the assigner workflow's lifecycle (composed in src/app) */
export const AssignmentQueuePanel = ({ lifecycle }: { lifecycle?: ReactNode }) => {
  const queue = useGetAssignmentQueue({ query: { refetchInterval: LIVE_REFRESH_MS } });
  return (
    <Paper sx={{ p: 2, flex: 1, minWidth: 320 }} component="section" aria-label="Assignment queue">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          Assignment queue
        </Typography>
        {queue.data && (
          <Chip
            size="small"
            label={queue.data.enabled ? 'auto-assignment on' : 'auto-assignment off'}
            color={queue.data.enabled ? 'success' : 'default'}
          />
        )}
        {lifecycle}
      </Stack>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} title="Could not load the queue" />
      ) : (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {queue.data.waiting === 0
              ? 'No ticket is waiting for an agent.'
              : `${queue.data.waiting} waiting for an agent`}
          </Typography>
          {queue.data.groups.length > 1 && (
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', mb: 1 }}>
              {queue.data.groups.map((group) => (
                <Chip
                  key={group.id}
                  size="small"
                  variant={group.waiting > 0 ? 'filled' : 'outlined'}
                  label={`${group.name}: ${group.waiting}`}
                />
              ))}
            </Stack>
          )}
          {queue.data.head.length > 0 && (
            <List dense aria-label="Waiting tickets">
              {queue.data.head.map((ticket) => (
                <ListItem
                  key={ticket.number}
                  disableGutters
                  secondaryAction={<PriorityChip priority={ticket.priority} />}
                >
                  <ListItemText
                    primary={
                      <>
                        <RouterLink to={`/tickets/${ticket.number}`}>#{ticket.number}</RouterLink> · {ticket.groupName}
                      </>
                    }
                    secondary={waitingLine(ticket)}
                  />
                </ListItem>
              ))}
            </List>
          )}
          <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
            Available agents
          </Typography>
          {queue.data.agents.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              Nobody is available.
            </Typography>
          ) : (
            <List dense aria-label="Agent load">
              {queue.data.agents.map((agent) => (
                <ListItem key={agent.id} disableGutters>
                  <ListItemText
                    primary={`${agent.displayName}: ${agent.load} of ${agent.capacity}`}
                    secondary={
                      <LinearProgress
                        variant="determinate"
                        value={agent.capacity === 0 ? 100 : Math.min(100, (100 * agent.load) / agent.capacity)}
                        aria-label={`${agent.displayName}'s load`}
                      />
                    }
                    slotProps={{ secondary: { component: 'div' } }}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </>
      )}
    </Paper>
  );
};
