import type { QueryClient, QueryKey } from '@tanstack/react-query';
import {
  getGetMyTicketQueryKey,
  getListMyTicketsQueryKey,
} from '@/api/generated/endpoints/customer-portal/customer-portal';
import { getListNotificationsQueryKey } from '@/api/generated/endpoints/notifications/notifications';
import {
  getGetTicketQueryKey,
  getListTicketEventsQueryKey,
  getListTicketMessagesQueryKey,
  getListTicketPresenceQueryKey,
  getListTicketsQueryKey,
} from '@/api/generated/endpoints/tickets/tickets';

export const STREAM_URL = '/api/stream';

/** The kinds of event GET /api/stream sends (see LiveStreamController). */
export const LIVE_EVENT_KINDS = [
  'ticket.created',
  'ticket.changed',
  'message.added',
  'message.changed',
  'notification.created',
  'notification.read',
  'presence.changed',
] as const;

export type LiveEventData = {
  kind: (typeof LIVE_EVENT_KINDS)[number];
  ticketNumber?: number;
  messageId?: string;
  notificationId?: number;
};

/** The caches an event makes stale: the lists, the ticket with its thread and history, the bell. */
export const staleQueriesOf = (event: LiveEventData): QueryKey[] => {
  if (event.kind.startsWith('notification.')) return [getListNotificationsQueryKey()];
  // Who else has the ticket open (staff only): nothing else changed.
  if (event.kind === 'presence.changed')
    return event.ticketNumber == null ? [] : [getListTicketPresenceQueryKey(event.ticketNumber)];
  const keys: QueryKey[] = [getListTicketsQueryKey(), getListMyTicketsQueryKey()];
  const number = event.ticketNumber;
  if (number != null) {
    keys.push(getGetTicketQueryKey(number), getListTicketEventsQueryKey(number), getGetMyTicketQueryKey(number));
    if (event.kind.startsWith('message.')) keys.push(getListTicketMessagesQueryKey(number));
  }
  return keys;
};

/** The URL prefixes of every query a stream keeps fresh (query keys start with the URL). */
const LIVE_PATHS = ['/api/tickets', '/api/portal/tickets', '/api/notifications'];

/** EventSource.CLOSED, which the test environment lacks. */
const CLOSED = 2;

type Options = {
  queryClient: QueryClient;
  /** The stream is up (open) or down (failed, reconnecting). */
  onStatus?: (up: boolean) => void;
  /** A new notification for the signed-in person. */
  onNotification?: (notificationId: number) => void;
  /** Injected by tests; the browser's otherwise. */
  createEventSource?: (url: string) => EventSource | undefined;
  /** How long invalidations are gathered, so a burst (a bulk change) refetches each list once. */
  batchMs?: number;
  /** When the browser gives up (the server refused the stream), how long until a new attempt. */
  retryMs?: number;
};

/**
 * Opens the live stream and invalidates the React Query caches each event makes stale, so the
 * screens refetch at once instead of waiting for their poll. The browser's EventSource reconnects
 * by itself and sends Last-Event-ID, so the server replays what was missed; a refused stream is
 * tried again after `retryMs`. Returns the function that closes it.
 */
export const connectLiveUpdates = ({
  queryClient,
  onStatus = () => {},
  onNotification = () => {},
  createEventSource = (url) =>
    typeof EventSource === 'undefined' ? undefined : new EventSource(url, { withCredentials: true }),
  batchMs = 100,
  retryMs = 15_000,
}: Options): (() => void) => {
  let source: EventSource | undefined;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let flush: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<string, QueryKey>();

  const invalidate = (keys: QueryKey[]) => {
    for (const key of keys) pending.set(JSON.stringify(key), key);
    flush ??= setTimeout(() => {
      flush = undefined;
      const keys = [...pending.values()];
      pending.clear();
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    }, batchMs);
  };

  const open = () => {
    const stream = createEventSource(STREAM_URL);
    if (!stream) return; // no EventSource here: the screens keep polling
    source = stream;
    stream.onopen = () => {
      onStatus(true);
      // What changed before it opened (between a screen's first fetch and now, or during an
      // outage longer than the server's replay window) came with no event: refetch it once.
      void queryClient.invalidateQueries({
        predicate: ({ queryKey: [path] }) =>
          typeof path === 'string' && LIVE_PATHS.some((prefix) => path.startsWith(prefix)),
      });
    };
    stream.onerror = () => {
      onStatus(false);
      if (stream.readyState === CLOSED && !closed) {
        retry = setTimeout(open, retryMs);
      }
    };
    for (const kind of LIVE_EVENT_KINDS) {
      stream.addEventListener(kind, (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as LiveEventData;
        invalidate(staleQueriesOf(event));
        if (event.kind === 'notification.created' && event.notificationId != null) {
          onNotification(event.notificationId);
        }
      });
    }
  };

  open();
  return () => {
    closed = true;
    clearTimeout(retry);
    clearTimeout(flush);
    source?.close();
    onStatus(false);
  };
};
