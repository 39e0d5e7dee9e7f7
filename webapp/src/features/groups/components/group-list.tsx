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
import { Link as RouterLink } from 'react-router';
import { useListGroups } from '@/api/generated/endpoints/groups/groups';
import type { GroupDto } from '@/api/generated/model';
import { ConfirmDelete } from '@/components/confirm-delete';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { useDeleteGroup } from '@/features/groups/api/groups';
import { GroupEditor } from '@/features/groups/components/group-editor';

/** "2 min", "1 h 30 min", "0" (skills never hold a ticket back). */
export const waitLabel = (seconds: number) => {
  if (seconds === 0) return 'none';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours && `${hours} h`, minutes && `${minutes} min`, rest && `${rest} s`].filter(Boolean).join(' ');
};

/**
 * Groups (issue 21): the queues the team splits into. Every agent reads them; admins create, change
 * and delete them (the server refuses the others).
 */
export const GroupList = ({ canEdit }: { canEdit: boolean }) => {
  const groups = useListGroups();
  const remove = useDeleteGroup();
  const [editing, setEditing] = useState<GroupDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<GroupDto | null>(null);
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Groups
        </Typography>
        {canEdit && (
          <Button variant="contained" onClick={() => setEditing('new')}>
            New group
          </Button>
        )}
      </Stack>
      <Paper sx={{ overflowX: 'auto' }}>
        {groups.isPending ? (
          <Loading label="Loading groups…" />
        ) : groups.isError ? (
          <ErrorState error={groups.error} title="Could not load the groups" />
        ) : groups.data.length === 0 ? (
          <EmptyState>No groups.</EmptyState>
        ) : (
          <Table size="small" aria-label="Groups">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Members</TableCell>
                <TableCell>Default SLA policy</TableCell>
                <TableCell>Skill wait</TableCell>
                <TableCell align="right">Open tickets</TableCell>
                {canEdit && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {groups.data.map((group) => (
                <TableRow key={group.id}>
                  <TableCell>
                    {group.name} {group.isDefault && <Chip size="small" variant="outlined" label="default" />}
                    {group.description && (
                      <Typography variant="body2" color="text.secondary">
                        {group.description}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                      {group.members.map((member) => (
                        <Chip
                          key={member.agentId}
                          size="small"
                          color={member.manager ? 'primary' : 'default'}
                          variant={member.manager ? 'filled' : 'outlined'}
                          label={member.manager ? `${member.name} (manager)` : member.name}
                        />
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell>{group.defaultSlaPolicyName ?? 'First matching policy'}</TableCell>
                  <TableCell>{waitLabel(group.skillWaitSeconds)}</TableCell>
                  <TableCell align="right">
                    <RouterLink
                      to={`/?groupId=${group.id}`}
                      aria-label={`${group.openTickets} open tickets of ${group.name}`}
                    >
                      {group.openTickets}
                    </RouterLink>
                  </TableCell>
                  {canEdit && (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setEditing(group)} aria-label={`Edit ${group.name}`}>
                        Edit
                      </Button>
                      {!group.isDefault && (
                        <Button
                          size="small"
                          color="error"
                          onClick={() => setDeleting(group)}
                          aria-label={`Delete ${group.name}`}
                        >
                          Delete
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {editing && (
        <GroupEditor
          key={editing === 'new' ? 'new' : editing.id}
          group={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDelete
          what={`the group ${deleting.name}`}
          pending={remove.isPending}
          error={remove.error}
          onClose={closeDelete}
          onConfirm={() => remove.mutate({ id: deleting.id }, { onSuccess: closeDelete })}
        />
      )}
    </Stack>
  );
};
