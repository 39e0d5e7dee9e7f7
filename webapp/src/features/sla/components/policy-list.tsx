import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
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
import { useListBusinessCalendars, useListSlaPolicies } from '@/api/generated/endpoints/sla/sla';
import type { PolicyDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { useDeleteSlaPolicy, useReorderSlaPolicies } from '@/features/sla/api/sla-policies';
import { ConfirmDelete } from '@/components/confirm-delete';
import { RowActions } from '@/features/sla/components/row-actions';
import { conditionsSummary, targetsSummary } from '@/features/sla/utils/policy-form';

/** The SLA policies in the order they are tried (the first that matches a ticket applies). */
export const PolicyList = () => {
  const policies = useListSlaPolicies();
  const calendars = useListBusinessCalendars();
  const reorder = useReorderSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const [deleting, setDeleting] = useState<PolicyDto | null>(null);
  const close = () => {
    setDeleting(null);
    remove.reset();
  };
  const calendarName = (id: number) => calendars.data?.find((calendar) => calendar.id === id)?.name ?? `#${id}`;
  const move = (list: PolicyDto[], index: number, by: -1 | 1) => {
    const ids = list.map((policy) => policy.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    reorder.mutate({ data: { ids } });
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          SLA policies
        </Typography>
        <Button variant="contained" component={RouterLink} to="/sla-policies/new">
          New policy
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        A ticket gets the first policy, from the top, whose conditions it meets; one that meets none has no SLA targets.
      </Typography>
      {reorder.isError && <Alert severity="error">{reorder.error.message}</Alert>}
      <Paper sx={{ overflowX: 'auto' }}>
        {policies.isPending ? (
          <Loading label="Loading SLA policies…" />
        ) : policies.isError ? (
          <ErrorState error={policies.error} title="Could not load the SLA policies" />
        ) : policies.data.length === 0 ? (
          <EmptyState>No SLA policies yet.</EmptyState>
        ) : (
          <Table size="small" aria-label="SLA policies">
            <TableHead>
              <TableRow>
                <TableCell>Order</TableCell>
                <TableCell>Name</TableCell>
                <TableCell>Applies to</TableCell>
                <TableCell>Calendar</TableCell>
                <TableCell>Targets</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {policies.data.map((policy, index, list) => (
                <TableRow key={policy.id} data-testid={`policy-row-${policy.id}`}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {index + 1}
                    <IconButton
                      size="small"
                      aria-label={`Move ${policy.name} up`}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(list, index, -1)}
                    >
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={`Move ${policy.name} down`}
                      disabled={index === list.length - 1 || reorder.isPending}
                      onClick={() => move(list, index, 1)}
                    >
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                  <TableCell>{policy.name}</TableCell>
                  <TableCell>{conditionsSummary(policy.conditions)}</TableCell>
                  <TableCell>{calendarName(policy.calendarId)}</TableCell>
                  <TableCell>{targetsSummary(policy.targets)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <RowActions
                      name={policy.name}
                      editPath={`/sla-policies/${policy.id}`}
                      onDelete={() => setDeleting(policy)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {deleting && (
        <ConfirmDelete
          what={`the SLA policy ${deleting.name}`}
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate({ id: deleting.id }, { onSuccess: close })}
        />
      )}
    </Stack>
  );
};
