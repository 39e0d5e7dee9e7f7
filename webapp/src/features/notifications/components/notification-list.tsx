import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import type { NotificationDto } from '@/api/generated/model';
import { formatDateTime } from '@/utils/duration';

type Props = {
  items: NotificationDto[];
  /** Called when a notification is chosen: mark it read and go to its ticket. */
  onOpen: (item: NotificationDto) => void;
  dense?: boolean;
};

/** Unread notifications are bold and marked for screen readers too. */
export const NotificationList = ({ items, onOpen, dense }: Props) => (
  <List dense={dense} aria-label="Notifications">
    {items.map((item) => (
      <ListItem key={item.id} disablePadding>
        <ListItemButton onClick={() => onOpen(item)} data-testid="notification" selected={!item.readAt}>
          <ListItemText
            primary={`${item.readAt ? '' : '● '}${item.title}`}
            secondary={
              <>
                {item.body}
                <br />
                {formatDateTime(item.createdAt)}
                {item.ticketNumber != null && ` · #${item.ticketNumber}`}
                {!item.readAt && ' · unread'}
              </>
            }
            slotProps={{ primary: { fontWeight: item.readAt ? 400 : 600 } }}
          />
        </ListItemButton>
      </ListItem>
    ))}
  </List>
);

export const MarkAllReadButton = ({ onClick, loading }: { onClick: () => void; loading: boolean }) => (
  <Button size="small" onClick={onClick} loading={loading}>
    Mark all read
  </Button>
);
