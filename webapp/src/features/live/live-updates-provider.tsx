import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { setLiveStreamUp } from '@/lib/react-query';
import {
  askForBrowserNotifications,
  canAskForBrowserNotifications,
  showBrowserNotification,
} from '@/features/live/browser-notifications';
import { connectLiveUpdates } from '@/features/live/live-updates';

/**
 * Keeps the signed-in person's screens live: one EventSource on GET /api/stream for the whole app
 * (mounted once, in the app shell), closed on sign-out. While it is up the screens poll only as a
 * slow safety net (see liveRefreshInterval).
 */
export const useLiveUpdates = (personKey: string | undefined, openTicket: (ticketNumber: number) => void) => {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!personKey) return undefined;
    return connectLiveUpdates({
      queryClient,
      onStatus: setLiveStreamUp,
      onNotification: (id) => void showBrowserNotification(id, openTicket).catch(() => {}),
    });
    // openTicket may change identity per render; the stream follows only the person.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [personKey, queryClient]);
};

/** Offers browser notifications until the person decides; asks only when clicked. */
export const BrowserNotificationsButton = () => {
  const [askable, setAskable] = useState(canAskForBrowserNotifications);
  if (!askable) return null;
  return (
    <Tooltip title="Show new notifications on the desktop">
      <IconButton
        color="inherit"
        aria-label="Turn on desktop notifications"
        onClick={() => void askForBrowserNotifications().then(() => setAskable(canAskForBrowserNotifications()))}
      >
        <NotificationsActiveIcon />
      </IconButton>
    </Tooltip>
  );
};
