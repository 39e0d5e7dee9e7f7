import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getGetMyTicketQueryKey,
  getListMyTicketsQueryKey,
} from '@/api/generated/endpoints/customer-portal/customer-portal';
import { getListNotificationsQueryKey } from '@/api/generated/endpoints/notifications/notifications';
import {
  getGetTicketQueryKey,
  getListTicketEventsQueryKey,
  getListTicketPresenceQueryKey,
  getListTicketMessagesQueryKey,
  getListTicketsQueryKey,
} from '@/api/generated/endpoints/tickets/tickets';
import { BrowserNotificationsButton } from '@/features/live/live-updates-provider';
import { connectLiveUpdates, STREAM_URL } from '@/features/live/live-updates';
import { LIVE_REFRESH_MS, liveRefreshInterval, setLiveStreamUp, STREAM_FALLBACK_REFRESH_MS } from '@/lib/react-query';

/** Stands in for the browser's EventSource: the test opens it, fails it and sends events. */
class FakeEventSource {
  static made: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }

  addEventListener(kind: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(kind, [...(this.listeners.get(kind) ?? []), listener]);
  }

  close() {
    this.closed = true;
    this.readyState = 2;
  }

  open() {
    this.readyState = 1;
    this.onopen?.();
  }

  /** A dropped connection the browser retries (readyState CONNECTING) or gives up on (CLOSED). */
  fail(givenUp = false) {
    this.readyState = givenUp ? 2 : 0;
    this.onerror?.();
  }

  send(kind: string, data: object) {
    for (const listener of this.listeners.get(kind) ?? []) {
      listener(new MessageEvent(kind, { data: JSON.stringify({ kind, ...data }) }));
    }
  }
}

const keys = [
  getListTicketsQueryKey({ status: ['OPEN'] }),
  getGetTicketQueryKey(7),
  getListTicketMessagesQueryKey(7),
  getListTicketEventsQueryKey(7),
  getListTicketPresenceQueryKey(7),
  getGetTicketQueryKey(8),
  getListTicketMessagesQueryKey(8),
  getListMyTicketsQueryKey(),
  getGetMyTicketQueryKey(7),
  getListNotificationsQueryKey({ limit: 8 }),
];

const setUp = () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  keys.forEach((key) => queryClient.setQueryData(key, {}));
  const stale = () => keys.filter((key) => queryClient.getQueryState(key)?.isInvalidated).map((key) => key[0]);
  const fresh = () => keys.forEach((key) => queryClient.setQueryData(key, {}));
  const notified: number[] = [];
  const close = connectLiveUpdates({
    queryClient,
    onStatus: setLiveStreamUp,
    onNotification: (id) => notified.push(id),
    createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource,
    batchMs: 100,
    retryMs: 15_000,
  });
  const stream = FakeEventSource.made.at(-1)!;
  return { queryClient, stale, fresh, notified, close, stream };
};

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.made = [];
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setLiveStreamUp(false);
});

describe('live updates', () => {
  it('opens one stream and refreshes the lists, ticket 7 and its history when ticket 7 changes', () => {
    const { stale, stream, fresh } = setUp();
    expect(FakeEventSource.made.map((source) => source.url)).toEqual([STREAM_URL]);
    stream.open();
    fresh();

    stream.send('ticket.changed', { ticketNumber: 7 });
    expect(stale()).toEqual([]);
    vi.advanceTimersByTime(100);

    expect(stale()).toEqual([
      '/api/tickets',
      '/api/tickets/7',
      '/api/tickets/7/events',
      '/api/portal/tickets',
      '/api/portal/tickets/7',
    ]);
  });

  it("refreshes a ticket's thread when a message is added, and no other ticket", () => {
    const { stale, stream, fresh } = setUp();
    stream.open();
    fresh();

    stream.send('message.added', { ticketNumber: 7, messageId: 'm-1' });
    vi.advanceTimersByTime(100);

    expect(stale()).toContain('/api/tickets/7/messages');
    expect(stale()).not.toContain('/api/tickets/8');
    expect(stale()).not.toContain('/api/tickets/8/messages');
    expect(stale()).not.toContain('/api/notifications');
  });

  it('refreshes only who else is on ticket 7 when its presence changes', () => {
    const { stale, stream, fresh } = setUp();
    stream.open();
    fresh();

    stream.send('presence.changed', { ticketNumber: 7 });
    vi.advanceTimersByTime(100);

    expect(stale()).toEqual(['/api/tickets/7/presence']);
  });

  it('updates the bell on a new notification and reports it for a browser notification', () => {
    const { stale, stream, notified, fresh } = setUp();
    stream.open();
    fresh();

    stream.send('notification.created', { ticketNumber: 7, notificationId: 41 });
    stream.send('notification.read', { notificationId: 40 });
    vi.advanceTimersByTime(100);

    expect(stale()).toEqual(['/api/notifications']);
    expect(notified).toEqual([41]);
  });

  it('refreshes each list once for a burst of changes', () => {
    const { queryClient, stream } = setUp();
    stream.open();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    for (let number = 1; number <= 50; number++) stream.send('ticket.changed', { ticketNumber: number });
    vi.advanceTimersByTime(100);

    const lists = invalidate.mock.calls.filter(([filters]) => JSON.stringify(filters?.queryKey) === '["/api/tickets"]');
    expect(lists).toHaveLength(1);
  });

  it('polls every 5 s while the stream is down and only as a 60 s safety net while it is up', () => {
    const { stream, close } = setUp();
    expect(liveRefreshInterval()).toBe(LIVE_REFRESH_MS);

    stream.open();
    expect(liveRefreshInterval()).toBe(STREAM_FALLBACK_REFRESH_MS);
    stream.fail();
    expect(liveRefreshInterval()).toBe(LIVE_REFRESH_MS);
    stream.open();
    expect(liveRefreshInterval()).toBe(STREAM_FALLBACK_REFRESH_MS);

    close();
    expect(stream.closed).toBe(true);
    expect(liveRefreshInterval()).toBe(LIVE_REFRESH_MS);
  });

  it('refreshes everything once when it opens and again after an outage, since it may have missed events', () => {
    const { stale, stream, fresh } = setUp();
    stream.open();
    expect(stale()).toEqual(keys.map((key) => key[0]));
    fresh();
    stream.fail();
    expect(stale()).toEqual([]);

    stream.open();

    expect(stale()).toEqual(keys.map((key) => key[0]));
  });

  it('opens a new stream later when the browser gave up, and none after closing', () => {
    const { stream, close } = setUp();
    stream.fail(true);

    vi.advanceTimersByTime(14_999);
    expect(FakeEventSource.made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.made).toHaveLength(2);

    FakeEventSource.made[1]!.fail(true);
    close();
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.made).toHaveLength(2);
  });
});

describe('browser notifications', () => {
  it('asks for permission only when the button is clicked, never on load', async () => {
    vi.useRealTimers();
    const requestPermission = vi.fn(async () => {
      fakeNotification.permission = 'granted';
      return 'granted';
    });
    const fakeNotification = { permission: 'default', requestPermission };
    vi.stubGlobal('Notification', fakeNotification);

    render(<BrowserNotificationsButton />);
    expect(requestPermission).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Turn on desktop notifications' }));
    });

    expect(requestPermission).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Turn on desktop notifications' })).toBeNull();
  });
});
