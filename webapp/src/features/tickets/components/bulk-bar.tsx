import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import {
  TicketPatchRequestPendingReason,
  TicketPatchRequestPriority,
  TicketPatchRequestResolution,
  TicketPatchRequestStatus,
  type ListTicketsParams,
  type TicketPatchRequest,
} from '@/api/generated/model';
import { useListMacros } from '@/api/generated/endpoints/macros/macros';
import { formErrorsOf } from '@/lib/api-client';
import { humanize, PENDING_DURATIONS } from '@/features/tickets/utils/change-options';
import { matchingOf, useStartBulkAction } from '@/features/tickets/api/bulk-actions';
import { BulkProgress } from '@/features/tickets/components/bulk-progress';
import type { RowSelection } from '@/features/tickets/hooks/use-row-selection';

/** '' leaves a field as it is on every ticket. */
export type BulkForm = {
  status: string;
  pendingReason: string;
  pendingFor: string;
  resolution: string;
  priority: string;
  assignee: string; // '' as is, 'none' unassign, or an agent id
  addTags: string;
  removeTags: string;
  macroId: string; // '' none, or the macro applied to each ticket (its change, reply and note)
  comment: string;
};

const EMPTY: BulkForm = {
  status: '',
  pendingReason: '',
  pendingFor: '',
  resolution: '',
  priority: '',
  assignee: '',
  addTags: '',
  removeTags: '',
  macroId: '',
  comment: '',
};

const tags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/**
 * The PATCH fields the form names (the same object a macro will fill later), or why not yet. The
 * pending fields go only with PENDING, a resolution only with CLOSED.
 */
export const bulkChanges = (form: BulkForm): { changes?: TicketPatchRequest; error?: string } => {
  const changes: TicketPatchRequest = {} as TicketPatchRequest;
  if (form.status) changes.status = form.status as TicketPatchRequest['status'];
  if (form.status === 'PENDING') {
    if (form.pendingReason) changes.pendingReason = form.pendingReason as TicketPatchRequest['pendingReason'];
    if (form.pendingFor) changes.pendingFor = form.pendingFor;
  }
  if (form.status === 'CLOSED' && form.resolution) {
    changes.resolution = form.resolution as TicketPatchRequest['resolution'];
  }
  if (form.priority) changes.priority = form.priority as TicketPatchRequest['priority'];
  if (form.assignee) changes.assigneeId = form.assignee === 'none' ? null : Number(form.assignee);
  if (tags(form.addTags).length) changes.addTags = tags(form.addTags);
  if (tags(form.removeTags).length) changes.removeTags = tags(form.removeTags);
  if (Object.keys(changes).length === 0) {
    return form.macroId ? {} : { error: 'Choose at least one change or a macro.' };
  }
  return { changes };
};

type Props = {
  selection: RowSelection;
  /** The list's current filter, sent as "matching" when all matching tickets are selected. */
  params: ListTicketsParams;
  /** Whether the list has more tickets than the page shows. */
  hasMore: boolean;
  agents: { id: number; name: string }[];
};

/** The bar over the ticket table while rows are selected: select all matching, then change them. */
export const BulkBar = ({ selection, params, hasMore, agents }: Props) => {
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<number>();
  if (selection.count === 0 && !selection.allMatching && action === undefined) return null;
  return (
    <>
      {(selection.count > 0 || selection.allMatching) && (
        <Alert
          severity="info"
          icon={false}
          role="region"
          aria-label="Bulk selection"
          action={
            <Stack direction="row" spacing={1}>
              <Button variant="contained" size="small" onClick={() => setOpen(true)}>
                Change selected…
              </Button>
              <Button size="small" onClick={selection.clear}>
                Clear
              </Button>
            </Stack>
          }
        >
          {selection.allMatching ? (
            <>All tickets matching this filter are selected.</>
          ) : (
            <>
              {selection.count} selected.{' '}
              {selection.pageState === 'all' && hasMore && (
                <Button size="small" onClick={selection.selectAllMatching}>
                  Select all matching this filter
                </Button>
              )}
            </>
          )}
        </Alert>
      )}
      {open && (
        <BulkDialog
          selection={selection}
          params={params}
          agents={agents}
          onClose={() => setOpen(false)}
          onStarted={(id) => {
            setOpen(false);
            setAction(id);
            selection.clear();
          }}
        />
      )}
      {action !== undefined && <BulkProgress id={action} onClose={() => setAction(undefined)} />}
    </>
  );
};

type DialogProps = Omit<Props, 'hasMore'> & { onClose: () => void; onStarted: (id: number) => void };

const BulkDialog = ({ selection, params, agents, onClose, onStarted }: DialogProps) => {
  const [form, setForm] = useState<BulkForm>(EMPTY);
  const [problem, setProblem] = useState<string>();
  const [commentError, setCommentError] = useState<string>();
  const start = useStartBulkAction();
  const macros = useListMacros();
  const set = (key: keyof BulkForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setCommentError(undefined);
    const { changes, error } = bulkChanges(form);
    if (!form.comment.trim()) {
      setCommentError('A comment is required; it goes to every ticket’s history.');
      return;
    }
    if (error) {
      setProblem(error);
      return;
    }
    const selected = selection.allMatching
      ? { matching: matchingOf(params) }
      : { numbers: [...selection.selected].sort((a, b) => a - b) };
    start.mutate(
      {
        data: {
          ...selected,
          ...(changes ? { changes } : {}),
          ...(form.macroId ? { macroId: Number(form.macroId) } : {}),
          comment: form.comment.trim(),
        },
      },
      {
        onSuccess: (started) => onStarted(started.id),
        onError: (failure) => {
          const placed = formErrorsOf(failure, ['comment']);
          setCommentError(placed.fields.comment);
          setProblem(placed.form);
        },
      },
    );
  };

  const target = selection.allMatching ? 'all matching tickets' : `${selection.count} tickets`;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="bulk-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bulk-dialog-title">Change {target}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              Each ticket is changed by its own rules; any it refuses are listed with the reason.
            </Typography>
            {problem && <Alert severity="error">{problem}</Alert>}
            <TextField select label="Status" value={form.status} onChange={set('status')} size="small">
              <MenuItem value="">Leave as is</MenuItem>
              {Object.values(TicketPatchRequestStatus).map((status) => (
                <MenuItem key={status} value={status}>
                  {status}
                </MenuItem>
              ))}
            </TextField>
            {form.status === 'PENDING' && (
              <Stack direction="row" spacing={2}>
                <TextField
                  select
                  label="Waiting for"
                  value={form.pendingReason}
                  onChange={set('pendingReason')}
                  size="small"
                  sx={{ flex: 1 }}
                >
                  {Object.values(TicketPatchRequestPendingReason).map((reason) => (
                    <MenuItem key={reason} value={reason}>
                      {humanize(reason)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  select
                  label="Suspend for"
                  value={form.pendingFor}
                  onChange={set('pendingFor')}
                  size="small"
                  sx={{ flex: 1 }}
                >
                  {PENDING_DURATIONS.map((d) => (
                    <MenuItem key={d.value} value={d.value}>
                      {d.label}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
            )}
            {form.status === 'CLOSED' && (
              <TextField select label="Resolution" value={form.resolution} onChange={set('resolution')} size="small">
                <MenuItem value="">Solved (default)</MenuItem>
                {Object.values(TicketPatchRequestResolution).map((resolution) => (
                  <MenuItem key={resolution} value={resolution}>
                    {humanize(resolution)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              select
              label="Macro"
              value={form.macroId}
              onChange={set('macroId')}
              size="small"
              helperText="Its change, reply and note on each ticket, as applying it there would"
            >
              <MenuItem value="">None</MenuItem>
              {(macros.data ?? []).map((macro) => (
                <MenuItem key={macro.id} value={String(macro.id)}>
                  {macro.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label="Priority" value={form.priority} onChange={set('priority')} size="small">
              <MenuItem value="">Leave as is</MenuItem>
              {Object.values(TicketPatchRequestPriority).map((priority) => (
                <MenuItem key={priority} value={priority}>
                  {priority}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label="Assignee" value={form.assignee} onChange={set('assignee')} size="small">
              <MenuItem value="">Leave as is</MenuItem>
              <MenuItem value="none">Unassign</MenuItem>
              {agents.map((agent) => (
                <MenuItem key={agent.id} value={String(agent.id)}>
                  {agent.name}
                </MenuItem>
              ))}
            </TextField>
            <Stack direction="row" spacing={2}>
              <TextField
                label="Add tags"
                placeholder="billing, vip"
                value={form.addTags}
                onChange={set('addTags')}
                size="small"
                sx={{ flex: 1 }}
              />
              <TextField
                label="Remove tags"
                value={form.removeTags}
                onChange={set('removeTags')}
                size="small"
                sx={{ flex: 1 }}
              />
            </Stack>
            <TextField
              label="Comment"
              required
              multiline
              minRows={2}
              value={form.comment}
              onChange={set('comment')}
              error={!!commentError}
              helperText={commentError ?? 'Written to every ticket’s history'}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={start.isPending}>
            Apply to {target}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
