import NotificationsIcon from '@mui/icons-material/Notifications';
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { NotificationDto } from '@/api/generated/model';
import { useMarkAllRead, useMarkRead, useNotificationFeed } from '@/features/notifications/api/notifications';
import { MarkAllReadButton, NotificationList } from '@/features/notifications/components/notification-list';

const SHOWN = 8;

type Props = {
  /** Where a notification about a ticket leads (the workspace or the portal). */
  ticketPath: (number: number) => string;
  onNavigate: (path: string) => void;
};

/** The bell in the top bar: the unread count, the newest notifications, mark read on open. */
export const NotificationBell = ({ ticketPath, onNavigate }: Props) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const feed = useNotificationFeed(SHOWN);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = feed.data?.unreadCount ?? 0;
  const items = feed.data?.items ?? [];
  const open = (item: NotificationDto) => {
    setAnchor(null);
    if (!item.readAt) markRead.mutate({ id: item.id });
    if (item.ticketNumber != null) onNavigate(ticketPath(item.ticketNumber));
  };
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={`Notifications, ${unread} unread`}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {/* No badge at 0: a fading one would still show the old count, unlike the button's name. */}
        {unread > 0 ? (
          <Badge badgeContent={unread} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        ) : (
          <NotificationsIcon />
        )}
      </IconButton>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Stack sx={{ width: 380, maxHeight: 480 }}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, pt: 1 }}>
            <Typography variant="subtitle1" component="h2">
              Notifications
            </Typography>
            {unread > 0 && <MarkAllReadButton onClick={() => markAll.mutate()} loading={markAll.isPending} />}
          </Stack>
          {items.length === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {feed.isError ? 'Could not load notifications.' : 'Nothing new.'}
            </Typography>
          ) : (
            <Stack sx={{ overflow: 'auto' }}>
              <NotificationList items={items} onOpen={open} dense />
            </Stack>
          )}
          <Button component={RouterLink} to="/notifications" onClick={() => setAnchor(null)} sx={{ m: 1 }}>
            See all notifications
          </Button>
        </Stack>
      </Popover>
    </>
  );
};
