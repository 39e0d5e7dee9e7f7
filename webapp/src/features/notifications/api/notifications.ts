import { useQueryClient } from '@tanstack/react-query';
import {
  getListNotificationsQueryKey,
  useListNotifications,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
} from '@/api/generated/endpoints/notifications/notifications';
import { liveRefreshInterval } from '@/lib/react-query';

/** Every page of the feed is cached under this prefix, so one invalidation refreshes bell and page. */
const FEED_PREFIX = getListNotificationsQueryKey();

/** The newest notifications and the unread count; the live stream refreshes them, polling is the fallback. */
export const useNotificationFeed = (limit: number) =>
  useListNotifications({ limit }, { query: { refetchInterval: liveRefreshInterval } });

export const useMarkRead = () => {
  const queryClient = useQueryClient();
  return useMarkNotificationRead({
    mutation: { onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_PREFIX }) },
  });
};

export const useMarkAllRead = () => {
  const queryClient = useQueryClient();
  return useMarkAllNotificationsRead({
    mutation: { onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_PREFIX }) },
  });
};
