import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { TicketList } from '@/features/tickets/components/ticket-list';

const TICKETS = [1041, 1042, 1043, 1044].map((number) => aTicket({ number, subject: `Printer ${number}` }));

const server = (nextCursor: string | null = null) => {
  let polls = 0;
  return stubFetch((request: RecordedRequest) => {
    if (request.url.startsWith('/api/views')) {
      return { status: 200, body: [] }; // the list's saved-views rail
    }
    if (request.url.startsWith('/api/groups')) {
      return { status: 200, body: [] }; // the rail's "My groups"
    }
    if (request.url.startsWith('/api/macros')) {
      return { status: 200, body: [{ id: 9, name: 'Replacement on its way', shared: true }] };
    }
    if (request.method === 'POST' && request.url === '/api/tickets/bulk') {
      return { status: 202, body: { id: 5, total: 3 } };
    }
    if (request.url.startsWith('/api/tickets/bulk/5')) {
      polls++;
      const done = polls > 1;
      return {
        status: 200,
        body: {
          id: 5,
          comment: 'Outage over',
          total: 3,
          applied: done ? 2 : 1,
          refused: done ? 1 : 0,
          done,
          createdAt: '2026-12-06T10:00:00Z',
          finishedAt: done ? '2026-12-06T10:00:02Z' : null,
          results: done
            ? [{ number: 1043, outcome: 'REFUSED', reason: 'Ticket #1043 is closed for good.', field: 'number' }]
            : [],
          nextAfter: null,
        },
      };
    }
    return { status: 200, body: { items: TICKETS, nextCursor } };
  });
};

const renderList = () =>
  renderWithQueries(
    <MemoryRouter>
      <TicketList agents={[{ id: 7, name: 'Alice Agent' }]} />
    </MemoryRouter>,
  );

const choose = async (label: string, option: string) => {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: option }));
};

afterEach(() => vi.unstubAllGlobals());

describe('bulk actions in the ticket list', () => {
  it('selects a range with shift-click, closes it with a comment and lists the refused ticket', async () => {
    const requests = server();
    renderList();

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select ticket 1041' }));
    const user = userEvent.setup();
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket 1043' }));
    await user.keyboard('{/Shift}');
    expect(screen.getByRole('region', { name: 'Bulk selection' })).toHaveTextContent('3 selected');

    await userEvent.click(screen.getByRole('button', { name: 'Change selected…' }));
    await choose('Status', 'CLOSED');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'Outage over');
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 3 tickets' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      numbers: [1041, 1042, 1043],
      changes: { status: 'CLOSED' },
      comment: 'Outage over',
    });
    expect(await screen.findByText('3 of 3 done: 2 changed, 1 refused.', {}, { timeout: 4000 })).toBeInTheDocument();
    const refused = screen.getByRole('list', { name: 'Refused tickets' });
    expect(refused).toHaveTextContent('#1043');
    expect(refused).toHaveTextContent('Ticket #1043 is closed for good. (number)');
  });

  it('refuses to start without a comment', async () => {
    const requests = server();
    renderList();

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select ticket 1042' }));
    await userEvent.click(screen.getByRole('button', { name: 'Change selected…' }));
    await choose('Priority', 'LOW');
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 1 tickets' }));

    expect(screen.getByRole('textbox', { name: /Comment/ })).toHaveAccessibleDescription(/A comment is required/);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('selects the page with the header checkbox, then all matching the filter', async () => {
    const requests = server('next-page');
    renderList();

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select the tickets on this page' }));
    expect(screen.getByRole('region', { name: 'Bulk selection' })).toHaveTextContent('4 selected');
    await userEvent.click(screen.getByRole('button', { name: 'Select all matching this filter' }));
    await userEvent.click(screen.getByRole('button', { name: 'Change selected…' }));
    await choose('Priority', 'URGENT');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'Escalated');
    await userEvent.click(screen.getByRole('button', { name: 'Apply to all matching tickets' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      matching: { unassigned: false, mine: false, includeDone: false },
      changes: { priority: 'URGENT' },
      comment: 'Escalated',
    });
  });

  it('applies a macro to the selection without any other change', async () => {
    const requests = server();
    renderList();

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select ticket 1044' }));
    await userEvent.click(screen.getByRole('button', { name: 'Change selected…' }));
    await choose('Macro', 'Replacement on its way');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'Known fault');
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 1 tickets' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      numbers: [1044],
      macroId: 9,
      comment: 'Known fault',
    });
  });
});
