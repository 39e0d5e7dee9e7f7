import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { ViewsRail } from '@/features/tickets/components/views-rail';

afterEach(() => vi.unstubAllGlobals());

const VIEWS = [
  {
    id: 2,
    name: 'Unassigned urgent',
    params: { unassigned: true, priority: ['URGENT'], mine: false, includeDone: false },
    shared: true,
    editable: false,
    position: 2,
    count: 3,
    countCapped: false,
  },
  {
    id: 9,
    name: 'Everything open',
    params: { status: ['OPEN'], unassigned: false, mine: false, includeDone: false },
    shared: false,
    editable: true,
    position: 1,
    count: 1000,
    countCapped: true,
  },
];

const server = () =>
  stubFetch((request: RecordedRequest) =>
    request.url.startsWith('/api/groups') // the rail's "My groups"
      ? { status: 200, body: [{ id: 3, name: 'Billing', openTickets: 2, members: [] }] }
      : request.method === 'GET'
        ? { status: 200, body: VIEWS }
        : { status: 201, body: { ...VIEWS[1], id: 10 } },
  );

describe('saved views rail', () => {
  it("lists the agent's groups under My groups, each applying its groupId filter", async () => {
    server();
    const onApply = vi.fn();
    renderWithQueries(<ViewsRail current={{}} onApply={onApply} canShare={false} />);

    const groups = await screen.findByRole('list', { name: 'My groups' });
    await userEvent.click(within(groups).getByRole('button', { name: /^Billing/ }));

    expect(onApply).toHaveBeenCalledWith({ groupId: [3] });
  });

  it('shows shared and own views with their counts and applies one on click', async () => {
    server();
    const onApply = vi.fn();
    renderWithQueries(<ViewsRail current={{ status: ['OPEN'] }} onApply={onApply} canShare={false} />);

    const shared = await screen.findByRole('list', { name: 'Shared views' });
    expect(within(shared).getByRole('button', { name: /^Unassigned urgent/ })).toHaveTextContent('3');
    const mine = screen.getByRole('list', { name: 'My views' });
    expect(within(mine).getByRole('button', { name: /^Everything open/ })).toHaveTextContent('999+');
    // the current filter is the own view's: it is the selected one
    expect(within(mine).getByRole('button', { name: /^Everything open/ })).toHaveClass('Mui-selected');
    expect(screen.queryByRole('button', { name: 'Actions for view Unassigned urgent' })).not.toBeInTheDocument();

    await userEvent.click(within(shared).getByRole('button', { name: /^Unassigned urgent/ }));
    expect(onApply).toHaveBeenCalledWith({ unassigned: true, priority: ['URGENT'] });
  });

  it('saves the current filter under a name, shared only when allowed', async () => {
    const requests = server();
    renderWithQueries(<ViewsRail current={{ text: 'vpn', status: [] }} onApply={vi.fn()} canShare={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save view' }));
    const dialog = screen.getByRole('dialog', { name: 'Save the current filter as a view' });
    expect(within(dialog).queryByLabelText('Shared with the whole team')).not.toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('View name'), 'VPN');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await vi.waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/views',
      body: { name: 'VPN', params: { text: 'vpn' }, shared: false },
    });
  });

  it('lets a manager share a view', async () => {
    const requests = server();
    renderWithQueries(<ViewsRail current={{ mine: true }} onApply={vi.fn()} canShare />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save view' }));
    const dialog = screen.getByRole('dialog', { name: 'Save the current filter as a view' });
    await userEvent.type(within(dialog).getByLabelText('View name'), 'Mine');
    await userEvent.click(within(dialog).getByLabelText('Shared with the whole team'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await vi.waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
        name: 'Mine',
        params: { mine: true },
        shared: true,
      }),
    );
  });

  it('renames and deletes an own view from its menu', async () => {
    const requests = server();
    renderWithQueries(<ViewsRail current={{}} onApply={vi.fn()} canShare={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for view Everything open' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Rename' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename "Everything open"' });
    await userEvent.clear(within(dialog).getByLabelText('View name'));
    await userEvent.type(within(dialog).getByLabelText('View name'), 'Open');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT')).toMatchObject({
        url: '/api/views/9',
        body: { name: 'Open', params: { status: ['OPEN'] } },
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Actions for view Everything open' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await vi.waitFor(() => expect(requests.find((r) => r.method === 'DELETE')?.url).toBe('/api/views/9'));
  });
});
