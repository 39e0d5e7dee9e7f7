import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GroupDto } from '@/api/generated/model';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { GroupList } from '@/features/groups/components/group-list';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const SUPPORT: GroupDto = {
  id: 1,
  name: 'Support',
  description: 'Every ticket no routing rule sends elsewhere.',
  isDefault: true,
  members: [
    { agentId: 8, name: 'Max Manager', manager: true },
    { agentId: 7, name: 'Alice Agent', manager: false },
  ],
  defaultSlaPolicyId: null as unknown as number,
  defaultSlaPolicyName: null as unknown as string,
  skillWaitSeconds: 600,
  openTickets: 12,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
};
const BILLING: GroupDto = {
  ...SUPPORT,
  id: 3,
  name: 'Billing',
  description: null as unknown as string,
  isDefault: false,
  members: [{ agentId: 8, name: 'Max Manager', manager: true }],
  defaultSlaPolicyId: 5,
  defaultSlaPolicyName: 'Billing hours',
  skillWaitSeconds: 90,
  openTickets: 2,
};
const AGENTS = [
  { id: 7, displayName: 'Alice Agent', email: 'alice@t.demo', role: 'AGENT', active: true },
  { id: 8, displayName: 'Max Manager', email: 'max@t.demo', role: 'MANAGER', active: true },
];
const POLICIES = [{ id: 5, name: 'Billing hours' }];

const server =
  (write: (request: RecordedRequest) => { status: number; body: unknown } = ({ body }) => ({ status: 201, body })) =>
  (request: RecordedRequest) => {
    if (request.method !== 'GET') return write(request);
    const path = request.url.split('?')[0];
    if (path === '/api/agents') return { status: 200, body: AGENTS };
    if (path === '/api/sla-policies') return { status: 200, body: POLICIES };
    if (path === '/api/groups') return { status: 200, body: [SUPPORT, BILLING] };
    return { status: 404, body: {} };
  };

const renderPage = (canEdit: boolean) =>
  renderWithQueries(
    <MemoryRouter>
      <GroupList canEdit={canEdit} />
    </MemoryRouter>,
  );

describe('groups page', () => {
  it('lists groups with members, managers, default SLA policy, skill wait and open tickets', async () => {
    stubFetch(server());
    renderPage(false);

    const table = await screen.findByRole('table', { name: 'Groups' }, SLOW);
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Support');
    expect(rows[1]).toHaveTextContent('default');
    expect(rows[1]).toHaveTextContent('Max Manager (manager)');
    expect(rows[1]).toHaveTextContent('Alice Agent');
    expect(rows[1]).toHaveTextContent('First matching policy');
    expect(rows[2]).toHaveTextContent('Billing hours');
    expect(rows[2]).toHaveTextContent('1 min 30 s');
    expect(within(rows[2]).getByRole('link', { name: /open tickets of Billing$/ })).toHaveAttribute(
      'href',
      '/?groupId=3',
    );
    expect(screen.queryByRole('button', { name: 'New group' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Edit/ })).toBeNull();
  });

  it('creates a group with members, one of them its manager, a default policy and a skill wait', async () => {
    const requests = stubFetch(server());
    renderPage(true);

    await userEvent.click(await screen.findByRole('button', { name: 'New group' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Network' } });
    const members = within(dialog).getByRole('combobox', { name: 'Members' });
    await userEvent.click(members);
    await userEvent.click(await screen.findByRole('option', { name: 'Alice Agent' }, SLOW));
    await userEvent.click(members);
    await userEvent.click(await screen.findByRole('option', { name: 'Max Manager' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Max Manager manages the group' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Default SLA policy' }));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Billing hours' }));
    fireEvent.change(within(dialog).getByLabelText('Skill wait (seconds)'), { target: { value: '120' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save group' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    const posted = requests.filter((request) => request.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      url: '/api/groups',
      body: {
        name: 'Network',
        members: [
          { agentId: 7, manager: false },
          { agentId: 8, manager: true },
        ],
        defaultSlaPolicyId: 5,
        skillWaitSeconds: 120,
      },
    });
  });

  it("shows the server's refusal of a taken name on the name field", async () => {
    stubFetch(
      server(() => ({
        status: 409,
        body: { title: 'Conflict', status: 409, detail: 'A group is already called "Billing".', field: 'name' },
      })),
    );
    renderPage(true);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Billing' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('Billing');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save group' }));

    expect(await within(dialog).findByText(/already called/, {}, SLOW)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Name/)).toHaveAccessibleDescription(/already called/);
  });

  it('deletes a group after confirmation and shows why the server refused (tickets left)', async () => {
    const requests = stubFetch(
      server(() => ({
        status: 409,
        body: { title: 'Conflict', status: 409, detail: '"Billing" still has 2 tickets', field: 'tickets' },
      })),
    );
    renderPage(true);

    expect(screen.queryByRole('button', { name: 'Delete Support' })).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Billing' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: /Delete the group Billing/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await within(dialog).findByText(/still has 2 tickets/, {}, SLOW)).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.url)).toEqual([
      '/api/groups/3',
    ]);
  });
});
