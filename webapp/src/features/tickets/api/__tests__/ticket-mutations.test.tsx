import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getGetTicketQueryKey,
  getListTicketEventsQueryKey,
  getListTicketMessagesQueryKey,
  getListTicketsQueryKey,
} from '@/api/generated/endpoints/tickets/tickets';
import { useAddNote } from '@/features/tickets/api/add-note';
import { useReplyToTicket } from '@/features/tickets/api/reply-to-ticket';
import { useRetryReply } from '@/features/tickets/api/retry-reply';
import { useUpdateTicket } from '@/features/tickets/api/update-ticket';
import { stubFetch } from '@/testing/render';

/** Every query a ticket page and the list keep, and which of them a mutation marked stale. */
const cache = () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const keys = [
    getGetTicketQueryKey(7),
    getListTicketMessagesQueryKey(7),
    getListTicketEventsQueryKey(7),
    getListTicketsQueryKey({ status: ['OPEN'] }),
    getGetTicketQueryKey(8),
  ];
  keys.forEach((key) => client.setQueryData(key, {}));
  const stale = () => keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key[0]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { stale, wrapper };
};

const TICKET_7 = ['/api/tickets/7', '/api/tickets/7/messages', '/api/tickets/7/events', '/api/tickets'];

afterEach(() => vi.unstubAllGlobals());

describe('ticket mutations', () => {
  it('refresh ticket 7, its thread, its history and the lists after an update', async () => {
    stubFetch(() => ({ status: 200, body: { ticket: {}, changes: [], autoFixes: [] } }));
    const { stale, wrapper } = cache();
    const { result } = renderHook(() => useUpdateTicket(), { wrapper });
    await act(() => result.current.mutateAsync({ number: 7, data: { comment: 'why', expectedVersion: 1 } }));
    expect(stale()).toEqual(TICKET_7);
  });

  it('refresh them after a reply', async () => {
    stubFetch(() => ({ status: 202, body: {} }));
    const { stale, wrapper } = cache();
    const { result } = renderHook(() => useReplyToTicket(), { wrapper });
    await act(() => result.current.mutateAsync({ number: 7, data: { body: 'hi', bodyFormat: 'TEXT' } }));
    expect(stale()).toEqual(TICKET_7);
  });

  it('refresh them after a note', async () => {
    stubFetch(() => ({ status: 201, body: {} }));
    const { stale, wrapper } = cache();
    const { result } = renderHook(() => useAddNote(), { wrapper });
    await act(() => result.current.mutateAsync({ number: 7, data: { body: 'hi', bodyFormat: 'TEXT' } }));
    expect(stale()).toEqual(TICKET_7);
  });

  it('refresh them after a retry, even a refused one', async () => {
    stubFetch(() => ({ status: 409, body: { status: 409, detail: 'Already sent.' } }));
    const { stale, wrapper } = cache();
    const { result } = renderHook(() => useRetryReply(), { wrapper });
    await act(() => result.current.mutateAsync({ number: 7, messageId: 'm1' }).catch(() => {}));
    expect(stale()).toEqual(TICKET_7);
  });
});
