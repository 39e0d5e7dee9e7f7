import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MacroDto } from '@/api/generated/model';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { MacroList } from '@/features/macros/components/macro-list';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const SHARED: MacroDto = {
  id: 1,
  name: 'Printer restart',
  shared: true,
  ownerId: null as unknown as number,
  replyText: 'Hi {{customer.firstName}}, please restart the printer.',
  note: '',
  status: 'PENDING',
  pendingReason: 'CUSTOMER',
  pendingFor: 'P2D',
  priority: 'HIGH',
  assigneeId: null as unknown as number,
  assigneeName: null as unknown as string,
  resolution: null as unknown as MacroDto['resolution'],
  assignToApplier: true,
  addTags: ['printer'],
  removeTags: [],
  editable: false,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
};
const MINE: MacroDto = {
  ...SHARED,
  id: 2,
  name: 'My thanks',
  shared: false,
  ownerId: 7,
  replyText: 'Thanks!',
  status: null as unknown as MacroDto['status'],
  pendingReason: null as unknown as MacroDto['pendingReason'],
  pendingFor: null as unknown as string,
  priority: null as unknown as MacroDto['priority'],
  assignToApplier: false,
  addTags: [],
  editable: true,
};
const PLACEHOLDERS = [
  { name: 'customer.name', description: "The customer's name" },
  { name: 'ticket.number', description: "The ticket's number" },
];

const server =
  (write: (request: RecordedRequest) => { status: number; body: unknown } = ({ body }) => ({ status: 201, body })) =>
  (request: RecordedRequest) => {
    if (request.method !== 'GET') return write(request);
    if (request.url.endsWith('/placeholders')) return { status: 200, body: PLACEHOLDERS };
    return { status: 200, body: [SHARED, MINE] };
  };

const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

describe('macros page', () => {
  it('lists shared and personal macros, with edit and delete only where the agent may', async () => {
    stubFetch(server());
    renderWithQueries(<MacroList canShare={false} agents={[]} />);

    const table = await screen.findByRole('table', { name: 'Macros' }, SLOW);
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Printer restart');
    expect(rows[1]).toHaveTextContent('shared');
    expect(rows[1]).toHaveTextContent('Status PENDING (CUSTOMER) · Priority HIGH · Assign to me · Tags +printer');
    expect(within(rows[1]).queryByRole('button', { name: /Edit/ })).toBeNull();
    expect(rows[2]).toHaveTextContent('personal');
    expect(within(rows[2]).getByRole('button', { name: 'Edit My thanks' })).toBeInTheDocument();
  });

  it('creates a macro with placeholders and its change, and shows the placeholder help', async () => {
    const requests = stubFetch(server());
    renderWithQueries(<MacroList canShare agents={[{ id: 8, name: 'Bob Agent' }]} />);

    await userEvent.click(await screen.findByRole('button', { name: 'New macro' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('{{customer.name}}', {}, SLOW)).toBeInTheDocument();
    fill(within(dialog).getByLabelText(/^Name/), 'Escalate');
    fill(within(dialog).getByLabelText('Reply text'), 'Dear {{customer.name}}, we are on it.');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Shared/ }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Set priority' }));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'URGENT' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Assign to' }));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Bob Agent' }));
    fill(within(dialog).getByLabelText(/Add tags/), 'vip, escalated ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save macro' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    const posted = requests.filter((request) => request.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      url: '/api/macros',
      body: {
        name: 'Escalate',
        shared: true,
        replyText: 'Dear {{customer.name}}, we are on it.',
        priority: 'URGENT',
        assigneeId: 8,
        addTags: ['vip', 'escalated'],
        removeTags: [],
      },
    });
  });

  it("shows the server's refusal of an unknown placeholder on the reply text", async () => {
    stubFetch(
      server(() => ({
        status: 422,
        body: {
          title: 'Invalid field',
          status: 422,
          detail: 'Unknown placeholder {{customer.shoe}}',
          field: 'replyText',
        },
      })),
    );
    renderWithQueries(<MacroList canShare={false} agents={[]} />);

    await userEvent.click(await screen.findByRole('button', { name: 'New macro' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('checkbox', { name: /Shared/ })).toBeNull();
    fill(within(dialog).getByLabelText(/^Name/), 'Oops');
    fill(within(dialog).getByLabelText('Reply text'), 'Hi {{customer.shoe}}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save macro' }));

    expect(await within(dialog).findByText(/Unknown placeholder/, {}, SLOW)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Reply text')).toHaveAccessibleDescription(/Unknown placeholder/);
  });
});
