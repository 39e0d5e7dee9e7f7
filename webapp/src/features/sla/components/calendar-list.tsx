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
import { useListBusinessCalendars } from '@/api/generated/endpoints/sla/sla';
import type { CalendarDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { useDeleteBusinessCalendar } from '@/features/sla/api/business-calendars';
import { ConfirmDelete } from '@/components/confirm-delete';
import { RowActions } from '@/features/sla/components/row-actions';
import { weekSummary } from '@/features/sla/utils/calendar-form';

/** Business calendars (admins): when the team works, for SLA targets counted in business time. */
export const CalendarList = () => {
  const calendars = useListBusinessCalendars();
  const remove = useDeleteBusinessCalendar();
  const [deleting, setDeleting] = useState<CalendarDto | null>(null);
  const close = () => {
    setDeleting(null);
    remove.reset();
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Business calendars
        </Typography>
        <Button variant="contained" component={RouterLink} to="/business-calendars/new">
          New calendar
        </Button>
      </Stack>
      <Paper sx={{ overflowX: 'auto' }}>
        {calendars.isPending ? (
          <Loading label="Loading calendars…" />
        ) : calendars.isError ? (
          <ErrorState error={calendars.error} title="Could not load the calendars" />
        ) : calendars.data.length === 0 ? (
          <EmptyState>No calendars yet.</EmptyState>
        ) : (
          <Table size="small" aria-label="Business calendars">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Time zone</TableCell>
                <TableCell>Opening hours</TableCell>
                <TableCell align="right">Holidays</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {calendars.data.map((calendar) => (
                <TableRow key={calendar.id}>
                  <TableCell>
                    {calendar.name}{' '}
                    {calendar.builtIn && <Chip size="small" variant="outlined" label="default, built in" />}
                  </TableCell>
                  <TableCell>{calendar.zone}</TableCell>
                  <TableCell>{weekSummary(calendar.hours)}</TableCell>
                  <TableCell align="right">{calendar.holidays.length}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {!calendar.builtIn && (
                      <RowActions
                        name={calendar.name}
                        editPath={`/business-calendars/${calendar.id}`}
                        onDelete={() => setDeleting(calendar)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {deleting && (
        <ConfirmDelete
          what={`the calendar ${deleting.name}`}
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate({ id: deleting.id }, { onSuccess: close })}
        />
      )}
    </Stack>
  );
};
