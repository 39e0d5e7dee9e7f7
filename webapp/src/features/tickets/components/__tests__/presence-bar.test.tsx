import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch } from '@/testing/render';
import { PresenceBar } from '@/features/tickets/components/presence-bar';
import { HEARTBEAT_MS, setTyping } from '@/features/tickets/hooks/use-presence';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const max = {
  agentId: 2,
  name: 'Max Manager',
  state: 'VIEWING',
  since: '2026-12-06T10:00:00Z',
  expiresAt: '2026-12-06T10:00:30Z',
};

describe('presence bar', () => {
  it('shows who else has the ticket open and whether they are writing, in a status region', async () => {
    stubFetch(({ method }) =>
      method === 'GET'
        ? { status: 200, body: [max, { ...max, agentId: 3, name: 'Ada Admin', state: 'TYPING' }] }
        : { status: 200, body: {} },
    );
    renderWithQueries(<PresenceBar number={7} />);
    const region = screen.getByRole('status', { name: 'Who else is here' });
    expect(await within(region).findByText('Max Manager is viewing')).toBeInTheDocument();
    expect(within(region).getByText('Ada Admin is writing a reply…')).toBeInTheDocument();
    expect(within(region).getByText('AA')).toBeInTheDocument(); // the avatar's initials
  });

  it('says it is here at once, again while writing and every 10 s, and leaves when the page goes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const requests = stubFetch(({ method }) => ({ status: 200, body: method === 'GET' ? [] : {} }));
    const { unmount } = renderWithQueries(<PresenceBar number={7} />);
    const heartbeats = () => requests.filter((request) => request.method === 'PUT');
    await vi.waitFor(() => expect(heartbeats()).toHaveLength(1));
    expect(heartbeats()[0]).toMatchObject({ url: '/api/tickets/7/presence', body: { typing: false } });

    act(() => setTyping(7, true));
    await vi.waitFor(() => expect(heartbeats()).toHaveLength(2));
    expect(heartbeats()[1].body).toEqual({ typing: true });

    await act(() => vi.advanceTimersByTimeAsync(HEARTBEAT_MS));
    expect(heartbeats()).toHaveLength(3);
    expect(heartbeats()[2].body).toEqual({ typing: true });

    act(() => setTyping(7, false));
    unmount();
    expect(requests.at(-1)).toMatchObject({ url: '/api/tickets/7/presence', method: 'DELETE' });
  });
});
