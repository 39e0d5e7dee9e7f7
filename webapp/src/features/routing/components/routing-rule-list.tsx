import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useListMailboxes } from '@/api/generated/endpoints/mailboxes/mailboxes';
import { useListOrganizations } from '@/api/generated/endpoints/organizations/organizations';
import { useListRoutingRules } from '@/api/generated/endpoints/routing/routing';
import type { RuleDto } from '@/api/generated/model';
import { ConfirmDelete } from '@/components/confirm-delete';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import {
  useDeleteRoutingRule,
  useReorderRoutingRules,
  useUpdateRoutingRule,
} from '@/features/routing/api/routing-rules';
import { RuleDialog } from '@/features/routing/components/rule-dialog';
import { actionsSummary, conditionsSummary, formOf, requestOf } from '@/features/routing/components/rule-form';

/** Routing rules in the order they are tried: the first enabled rule a new ticket matches wins. */
export const RoutingRuleList = () => {
  const rules = useListRoutingRules();
  const mailboxes = useListMailboxes();
  const organizations = useListOrganizations();
  const reorder = useReorderRoutingRules();
  const update = useUpdateRoutingRule();
  const remove = useDeleteRoutingRule();
  const [editing, setEditing] = useState<RuleDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RuleDto | null>(null);
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  const move = (list: RuleDto[], index: number, by: -1 | 1) => {
    const ids = list.map((rule) => rule.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    reorder.mutate({ data: { ids } });
  };
  const names = (rule: RuleDto) => ({
    mailbox: mailboxes.data?.find((mailbox) => mailbox.id === rule.mailboxId)?.email,
    organization: organizations.data?.find((organization) => organization.id === rule.organizationId)?.name,
  });
  const problem = reorder.error ?? update.error;
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Routing rules
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>
          New rule
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        A new ticket goes to the group of the first enabled rule, from the top, whose conditions it meets; a ticket no
        rule matches goes to the default group.
      </Typography>
      {problem && <Alert severity="error">{problem.message}</Alert>}
      <Paper sx={{ overflowX: 'auto' }}>
        {rules.isPending ? (
          <Loading label="Loading routing rules…" />
        ) : rules.isError ? (
          <ErrorState error={rules.error} title="Could not load the routing rules" />
        ) : rules.data.length === 0 ? (
          <EmptyState>No routing rules yet: every new ticket goes to the default group.</EmptyState>
        ) : (
          <Table size="small" aria-label="Routing rules">
            <TableHead>
              <TableRow>
                <TableCell>Order</TableCell>
                <TableCell>Enabled</TableCell>
                <TableCell>Name</TableCell>
                <TableCell>When</TableCell>
                <TableCell>Then</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rules.data.map((rule, index, list) => (
                <TableRow key={rule.id} data-testid={`rule-row-${rule.id}`}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {index + 1}
                    <IconButton
                      size="small"
                      aria-label={`Move ${rule.name} up`}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(list, index, -1)}
                    >
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={`Move ${rule.name} down`}
                      disabled={index === list.length - 1 || reorder.isPending}
                      onClick={() => move(list, index, 1)}
                    >
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                  <TableCell>
                    <Switch
                      checked={rule.enabled}
                      disabled={update.isPending}
                      slotProps={{ input: { 'aria-label': `${rule.name} enabled` } }}
                      onChange={(event) =>
                        update.mutate({
                          id: rule.id,
                          data: { ...requestOf(formOf(rule)), enabled: event.target.checked },
                        })
                      }
                    />
                  </TableCell>
                  <TableCell>{rule.name}</TableCell>
                  <TableCell>{conditionsSummary(rule, names(rule))}</TableCell>
                  <TableCell>{actionsSummary(rule)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setEditing(rule)} aria-label={`Edit ${rule.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      onClick={() => setDeleting(rule)}
                      aria-label={`Delete ${rule.name}`}
                    >
                      Delete
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {editing && <RuleDialog rule={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDelete
          what={`the routing rule ${deleting.name}`}
          pending={remove.isPending}
          error={remove.error}
          onClose={closeDelete}
          onConfirm={() => remove.mutate({ id: deleting.id }, { onSuccess: closeDelete })}
        />
      )}
    </Stack>
  );
};
