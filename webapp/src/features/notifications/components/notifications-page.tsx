import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getListNotificationsQueryOptions } from '@/api/generated/endpoints/notifications/notifications';
import type { NotificationDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { useMarkAllRead, useMarkRead, useNotificationFeed } from '@/features/notifications/api/notifications';
import { MarkAllReadButton, NotificationList } from '@/features/notifications/components/notification-list';

const PAGE = 25;

/** One older page of the feed, fetched when the user asks for more. */
const OlderPage = ({ before, onOpen }: { before: number; onOpen: (item: NotificationDto) => void }) => {
  const [more, setMore] = useState(false);
  const page = useQuery(getListNotificationsQueryOptions({ before, limit: PAGE }));
  if (page.isPending) return <Loading label="Loading older notifications…" />;
  if (page.isError) return <ErrorState error={page.error} title="Could not load older notifications" />;
  return (
    <>
      <NotificationList items={page.data.items} onOpen={onOpen} />
      {page.data.nextBefore != null &&
        (more ? (
          <OlderPage before={page.data.nextBefore} onOpen={onOpen} />
        ) : (
          <Button onClick={() => setMore(true)}>Show older</Button>
        ))}
    </>
  );
};

type Props = { ticketPath: (number: number) => string; onNavigate: (path: string) => void };

export const NotificationsPage = ({ ticketPath, onNavigate }: Props) => {
  const feed = useNotificationFeed(PAGE);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [older, setOlder] = useState(false);
  const open = (item: NotificationDto) => {
    if (!item.readAt) markRead.mutate({ id: item.id });
    if (item.ticketNumber != null) onNavigate(ticketPath(item.ticketNumber));
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Notifications {feed.data && feed.data.unreadCount > 0 && `(${feed.data.unreadCount} unread)`}
        </Typography>
        {feed.data && feed.data.unreadCount > 0 && (
          <MarkAllReadButton onClick={() => markAll.mutate()} loading={markAll.isPending} />
        )}
      </Stack>
      <Paper>
        {feed.isPending ? (
          <Loading label="Loading notifications…" />
        ) : feed.isError ? (
          <ErrorState error={feed.error} title="Could not load notifications" />
        ) : feed.data.items.length === 0 ? (
          <EmptyState>No notifications yet: assignments, SLA warnings and escalations show up here.</EmptyState>
        ) : (
          <>
            <NotificationList items={feed.data.items} onOpen={open} />
            {feed.data.nextBefore != null &&
              (older ? (
                <OlderPage before={feed.data.nextBefore} onOpen={open} />
              ) : (
                <Button onClick={() => setOlder(true)} sx={{ m: 1 }}>
                  Show older
                </Button>
              ))}
          </>
        )}
      </Paper>
    </Stack>
  );
};
