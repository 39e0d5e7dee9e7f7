import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import { useListGroups } from '@/api/generated/endpoints/groups/groups';
import { sameListParams, type ListParams } from '@/features/tickets/hooks/use-list-params';

type Props = { current: ListParams; onApply: (params: ListParams) => void };

/** The views rail's "My groups": one view per group of the signed-in agent (?groupId=N). */
export const MyGroups = ({ current, onApply }: Props) => {
  const groups = useListGroups({ mine: true }, { query: { staleTime: 60_000 } });
  if (!groups.data?.length) return null;
  return (
    <List dense subheader={<ListSubheader disableSticky>My groups</ListSubheader>} aria-label="My groups">
      {groups.data.map((group) => {
        const params: ListParams = { groupId: [group.id] };
        return (
          <ListItem key={group.id} disablePadding>
            <ListItemButton selected={sameListParams(current, params)} onClick={() => onApply(params)}>
              <ListItemText primary={group.name} slotProps={{ primary: { noWrap: true } }} />
              <Chip size="small" label={group.openTickets} aria-label={`${group.openTickets} open tickets`} />
            </ListItemButton>
          </ListItem>
        );
      })}
    </List>
  );
};
