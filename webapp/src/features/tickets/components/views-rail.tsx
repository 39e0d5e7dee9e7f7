import MoreVertIcon from '@mui/icons-material/MoreVert';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  getListSavedViewsQueryKey,
  useCreateSavedView,
  useDeleteSavedView,
  useListSavedViews,
  useReplaceSavedView,
} from '@/api/generated/endpoints/saved-views/saved-views';
import type { SavedViewDto, TicketListParams } from '@/api/generated/model';
import { ErrorState, Loading } from '@/components/states';
import { formErrorsOf } from '@/lib/api-client';
import { MyGroups } from '@/features/tickets/components/my-groups';
import { compactListParams, sameListParams, type ListParams } from '@/features/tickets/hooks/use-list-params';

/** How often the rail's counts refresh themselves (and after every save, rename or delete). */
export const VIEW_COUNTS_REFRESH_MS = 15_000;

const paramsOf = (view: SavedViewDto): ListParams => compactListParams(view.params as ListParams);

/** "999+" once the server stopped counting at 1,000. */
export const countLabel = (view: Pick<SavedViewDto, 'count' | 'countCapped'>) =>
  view.countCapped ? '999+' : String(view.count);

const useRefreshViews = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: getListSavedViewsQueryKey() });
};

type NameDialogProps = {
  title: string;
  initialName: string;
  canShare: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string, shared: boolean) => void;
  onClose: () => void;
};

const NameDialog = ({ title, initialName, canShare, pending, error, onSubmit, onClose }: NameDialogProps) => {
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(false);
  const problems = formErrorsOf(error, ['name', 'shared']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(name, shared);
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="view-name-title" fullWidth maxWidth="xs">
      <form onSubmit={submit}>
        <DialogTitle id="view-name-title">{title}</DialogTitle>
        <DialogContent>
          <TextField
            label="View name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoFocus
            fullWidth
            margin="dense"
            slotProps={{ htmlInput: { maxLength: 80 } }}
            error={Boolean(problems.fields.name)}
            helperText={problems.fields.name}
          />
          {canShare && (
            <FormControlLabel
              control={<Checkbox checked={shared} onChange={(event) => setShared(event.target.checked)} />}
              label="Shared with the whole team"
            />
          )}
          {(problems.form || problems.fields.shared) && (
            <Alert severity="error">{problems.form ?? problems.fields.shared}</Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={pending}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

const ViewActions = ({ view, onRename }: { view: SavedViewDto; onRename: () => void }) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const refresh = useRefreshViews();
  const remove = useDeleteSavedView({ mutation: { onSuccess: refresh } });
  return (
    <>
      <IconButton
        edge="end"
        size="small"
        aria-label={`Actions for view ${view.name}`}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            onRename();
          }}
        >
          Rename
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            remove.mutate({ id: view.id });
          }}
        >
          Delete
        </MenuItem>
      </Menu>
    </>
  );
};

type Props = {
  current: ListParams;
  onApply: (params: ListParams) => void;
  /** Managers and admins may share a view with everyone. */
  canShare: boolean;
};

/**
 * The list page's left rail: shared views, then one's own, each with how many tickets match now.
 * Clicking one applies its filter (and so its URL); "Save view" keeps the current filter.
 */
export const ViewsRail = ({ current, onApply, canShare }: Props) => {
  const views = useListSavedViews({ query: { refetchInterval: VIEW_COUNTS_REFRESH_MS } });
  const refresh = useRefreshViews();
  const create = useCreateSavedView({ mutation: { onSuccess: refresh } });
  const replace = useReplaceSavedView({ mutation: { onSuccess: refresh } });
  const [saving, setSaving] = useState(false);
  const [renaming, setRenaming] = useState<SavedViewDto | null>(null);

  const section = (title: string, items: SavedViewDto[]) =>
    items.length > 0 && (
      <List dense subheader={<ListSubheader disableSticky>{title}</ListSubheader>} aria-label={title}>
        {items.map((view) => (
          <ListItem
            key={view.id}
            disablePadding
            secondaryAction={view.editable && <ViewActions view={view} onRename={() => setRenaming(view)} />}
          >
            <ListItemButton
              selected={sameListParams(current, paramsOf(view))}
              onClick={() => onApply(paramsOf(view))}
              data-testid={`view-${view.id}`}
            >
              <ListItemText primary={view.name} slotProps={{ primary: { noWrap: true } }} />
              <Chip size="small" label={countLabel(view)} aria-label={`${countLabel(view)} tickets`} />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    );

  return (
    <Paper
      component="nav"
      aria-label="Saved views"
      sx={{ width: { xs: 'auto', md: 260 }, flexShrink: 0, alignSelf: { md: 'start' }, py: 1 }}
    >
      {views.isPending ? (
        <Loading label="Loading views…" />
      ) : views.isError ? (
        <ErrorState error={views.error} title="Could not load the views" />
      ) : (
        <>
          {section(
            'Shared views',
            views.data.filter((view) => view.shared),
          )}
          {section(
            'My views',
            views.data.filter((view) => !view.shared),
          )}
        </>
      )}
      <MyGroups current={current} onApply={onApply} />
      <Box sx={{ px: 2, pt: 1 }}>
        <Button
          fullWidth
          variant="outlined"
          onClick={() => {
            create.reset();
            setSaving(true);
          }}
        >
          Save view
        </Button>
      </Box>
      {saving && (
        <NameDialog
          title="Save the current filter as a view"
          initialName=""
          canShare={canShare}
          pending={create.isPending}
          error={create.error}
          onClose={() => setSaving(false)}
          onSubmit={(name, shared) =>
            create.mutate(
              { data: { name, params: compactListParams(current) as TicketListParams, shared } },
              { onSuccess: () => setSaving(false) },
            )
          }
        />
      )}
      {renaming && (
        <NameDialog
          title={`Rename "${renaming.name}"`}
          initialName={renaming.name}
          canShare={false}
          pending={replace.isPending}
          error={replace.error}
          onClose={() => {
            replace.reset();
            setRenaming(null);
          }}
          onSubmit={(name) =>
            replace.mutate(
              { id: renaming.id, data: { name, params: paramsOf(renaming) as TicketListParams } },
              { onSuccess: () => setRenaming(null) },
            )
          }
        />
      )}
    </Paper>
  );
};
