import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useListAgents } from '@/api/generated/endpoints/agents/agents';
import type { AgentDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { AgentDialog } from '@/features/agents/components/agent-dialog';

const yesNo = (value: boolean, yes: string, no: string) => (
  <Chip
    size="small"
    label={value ? yes : no}
    color={value ? 'success' : 'default'}
    variant={value ? 'filled' : 'outlined'}
  />
);

/** The agents (employees) with role, capacity, skills and availability; admins add and change them. */
export const AgentAdmin = ({ canEdit }: { canEdit: boolean }) => {
  const agents = useListAgents();
  const [editing, setEditing] = useState<AgentDto | 'new' | null>(null);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Agents
        </Typography>
        {canEdit && (
          <Button variant="contained" onClick={() => setEditing('new')}>
            Add agent
          </Button>
        )}
      </Stack>
      <Paper sx={{ overflowX: 'auto' }}>
        {agents.isPending ? (
          <Loading label="Loading agents…" />
        ) : agents.isError ? (
          <ErrorState error={agents.error} title="Could not load the agents" />
        ) : agents.data.length === 0 ? (
          <EmptyState>No agents yet.</EmptyState>
        ) : (
          <Table size="small" aria-label="Agents">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Email</TableCell>
                <TableCell>Role</TableCell>
                <TableCell align="right">Capacity</TableCell>
                <TableCell>Skills</TableCell>
                <TableCell>Available</TableCell>
                <TableCell>Active</TableCell>
                <TableCell>Sign-in</TableCell>
                {canEdit && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {agents.data.map((agent) => (
                <TableRow key={agent.id} data-testid={`agent-row-${agent.id}`}>
                  <TableCell>{agent.displayName}</TableCell>
                  <TableCell>{agent.email}</TableCell>
                  <TableCell>{agent.role}</TableCell>
                  <TableCell align="right">{agent.capacity}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                      {agent.skills.map((skill) => (
                        <Chip key={skill} size="small" variant="outlined" label={skill} />
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell>{yesNo(agent.available, 'available', 'away')}</TableCell>
                  <TableCell>{yesNo(agent.active, 'active', 'inactive')}</TableCell>
                  <TableCell>{agent.canSignIn ? 'password set' : 'no password'}</TableCell>
                  {canEdit && (
                    <TableCell>
                      <Button size="small" onClick={() => setEditing(agent)} aria-label={`Edit ${agent.displayName}`}>
                        Edit
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {editing && <AgentDialog agent={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
};
