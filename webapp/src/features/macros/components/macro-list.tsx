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
import { useListMacros } from '@/api/generated/endpoints/macros/macros';
import type { MacroDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { useDeleteMacro } from '@/features/macros/api/macros';
import { MacroEditor } from '@/features/macros/components/macro-editor';
import { changeSummary } from '@/features/macros/utils/macro-form';
import { ConfirmDelete } from '@/components/confirm-delete';

type Props = {
  /** Admins and managers write shared macros; every agent their own. */
  canShare: boolean;
  agents: { id: number; name: string }[];
};

/** Macros: the shared ones and the agent's own, each a reply text with placeholders and changes. */
export const MacroList = ({ canShare, agents }: Props) => {
  const macros = useListMacros();
  const remove = useDeleteMacro();
  const [editing, setEditing] = useState<MacroDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MacroDto | null>(null);
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Macros
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>
          New macro
        </Button>
      </Stack>
      <Paper sx={{ overflowX: 'auto' }}>
        {macros.isPending ? (
          <Loading label="Loading macros…" />
        ) : macros.isError ? (
          <ErrorState error={macros.error} title="Could not load the macros" />
        ) : macros.data.length === 0 ? (
          <EmptyState>No macros yet: save the replies you write again and again.</EmptyState>
        ) : (
          <Table size="small" aria-label="Macros">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Reply</TableCell>
                <TableCell>Changes</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {macros.data.map((macro) => (
                <TableRow key={macro.id}>
                  <TableCell>
                    {macro.name}{' '}
                    <Chip
                      size="small"
                      variant="outlined"
                      label={macro.shared ? 'shared' : 'personal'}
                      color={macro.shared ? 'primary' : 'default'}
                    />
                  </TableCell>
                  <TableCell sx={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {macro.replyText}
                  </TableCell>
                  <TableCell>{changeSummary(macro)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {macro.editable && (
                      <>
                        <Button size="small" onClick={() => setEditing(macro)} aria-label={`Edit ${macro.name}`}>
                          Edit
                        </Button>
                        <Button
                          size="small"
                          color="error"
                          onClick={() => setDeleting(macro)}
                          aria-label={`Delete ${macro.name}`}
                        >
                          Delete
                        </Button>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {editing && (
        <MacroEditor
          key={editing === 'new' ? 'new' : editing.id}
          macro={editing === 'new' ? undefined : editing}
          canShare={canShare}
          agents={agents}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDelete
          what={`the macro ${deleting.name}`}
          pending={remove.isPending}
          error={remove.error}
          onClose={closeDelete}
          onConfirm={() => remove.mutate({ id: deleting.id }, { onSuccess: closeDelete })}
        />
      )}
    </Stack>
  );
};
