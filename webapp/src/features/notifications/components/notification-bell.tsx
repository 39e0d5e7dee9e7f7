import NotificationsIcon from '@mui/icons-material/Notifications';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { apiFetch } from '@/lib/api-client';
import { LIVE_REFRESH_MS } from '@/lib/react-query';
import { formatDateTime } from '@/utils/duration';

// GET /api/notifications is being built ("notify"); shown only once openapi.json has it.
// Replace with the generated hook then; the shape below is the expected one.
type Notification = {
  id: number;
  ticketNumber?: number;
  eventKind?: string;
  text?: string;
  readAt?: string | null;
  createdAt?: string;
};

const asList = (body: unknown): Notification[] =>
  Array.isArray(body) ? body : ((body as { items?: Notification[] })?.items ?? []);

export const NotificationBell = () => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const navigate = useNavigate();
  const notifications = useQuery({
    queryKey: ['/api/notifications'],
    queryFn: async () => asList(await apiFetch<unknown>('/api/notifications')),
    refetchInterval: LIVE_REFRESH_MS * 2,
  });
  const items = notifications.data ?? [];
  const unread = items.filter((item) => !item.readAt).length;
  return (
    <>
      <IconButton color="inherit" aria-label={`Notifications, ${unread} unread`} onClick={(event) => setAnchor(event.currentTarget)}>
        <Badge badgeContent={unread} color="error">
          <NotificationsIcon />
        </Badge>
      </IconButton>
      <Popover open={Boolean(anchor)} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        {items.length === 0 ? (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {notifications.isError ? 'Could not load notifications.' : 'Nothing new.'}
          </Typography>
        ) : (
          <List dense sx={{ width: 360, maxHeight: 420, overflow: 'auto' }} aria-label="Notifications">
            {items.map((item) => (
              <ListItemButton
                key={item.id}
                onClick={() => {
                  setAnchor(null);
                  if (item.ticketNumber) navigate(`/tickets/${item.ticketNumber}`);
                }}
              >
                <ListItemText
                  primary={item.text ?? `${item.eventKind ?? 'Update'} on #${item.ticketNumber}`}
                  secondary={formatDateTime(item.createdAt)}
                  slotProps={{ primary: { fontWeight: item.readAt ? 400 : 600 } }}
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </Popover>
    </>
  );
};
