import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch } from '@/testing/render';
import { UpdatePanel } from '@/features/tickets/components/update-panel';

const agents = [
  { id: 7, name: 'Alice Agent' },
  { id: 8, name: 'Bob Agent' },
];

const choose = async (label: string, option: string) => {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: option }));
};

const ok = (
  ticket = aTicket(),
  autoFixes: string[] = [],
  changes = [{ field: 'priority', from: 'NORMAL', to: 'HIGH' }],
) => ({
  status: 200,
  body: { ticket, changes, autoFixes },
});

afterEach(() => vi.unstubAllGlobals());

describe('update panel', () => {
  const groups = (canMove: boolean) => ({
    options: [
      { id: 1, name: 'Support' },
      { id: 3, name: 'Billing' },
    ],
    canMove,
  });

  it('moves the ticket to another group with the required comment', async () => {
    const requests = stubFetch(() => ok(aTicket({ groupId: 3, groupName: 'Billing' }), [], []));
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} groups={groups(true)} />);

    await choose('Group', 'Billing');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'invoice question');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].body).toEqual({ groupId: 3, comment: 'invoice question', expectedVersion: 4 });
  });

  it('shows the group but does not let a non-manager change it', () => {
    stubFetch(() => ok());
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} groups={groups(false)} />);

    const group = screen.getByRole('combobox', { name: 'Group' });
    expect(group).toHaveTextContent('Support');
    expect(group).toHaveAttribute('aria-disabled', 'true');
  });

  it('refuses to send a change without a comment and says so on the comment field', async () => {
    const requests = stubFetch(() => ok());
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} />);

    await choose('Priority', 'HIGH');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    expect(screen.getByRole('textbox', { name: /Comment/ })).toHaveAccessibleDescription(/A comment is required/);
    expect(requests).toHaveLength(0);
  });

  it('sends only what changed, with the comment and the version it was based on', async () => {
    const requests = stubFetch(() => ok());
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} />);

    await choose('Priority', 'HIGH');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'Customer is blocked');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({
      url: '/api/tickets/1042',
      method: 'PATCH',
      body: { priority: 'HIGH', comment: 'Customer is blocked', expectedVersion: 4 },
    });
    expect(await screen.findByText('Updated: priority.')).toBeInTheDocument();
  });

  it('offers the pending fields only with status PENDING and sends them only then', async () => {
    const requests = stubFetch(() => ok());
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} />);
    expect(screen.queryByRole('combobox', { name: 'Waiting for' })).not.toBeInTheDocument();

    await choose('Status', 'PENDING');
    await choose('Waiting for', 'Customer');
    await choose('Suspend for', '2 days');
    await choose('Status', 'OPEN'); // changed their mind: the pending fields go away
    expect(screen.queryByRole('combobox', { name: 'Suspend for' })).not.toBeInTheDocument();
    await choose('Priority', 'LOW');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'not urgent');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].body).toEqual({ priority: 'LOW', comment: 'not urgent', expectedVersion: 4 });
  });

  it('sends suspension fields with PENDING', async () => {
    const requests = stubFetch(() => ok());
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} />);

    await choose('Status', 'PENDING');
    await choose('Waiting for', 'Third party');
    await choose('Suspend for', '1 day');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'waiting for the vendor');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].body).toMatchObject({ status: 'PENDING', pendingReason: 'THIRD_PARTY', pendingFor: 'P1D' });
  });

  it('offers a resolution only with status CLOSED and shows the auto-fixes of the server', async () => {
    const closed = aTicket({ status: 'CLOSED', resolution: 'SOLVED', version: 5 });
    const requests = stubFetch(() =>
      ok(closed, ['CLOSED without a resolution type is SOLVED.'], [{ field: 'status', from: 'OPEN', to: 'CLOSED' }]),
    );
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} />);
    expect(screen.queryByRole('combobox', { name: 'Resolution' })).not.toBeInTheDocument();

    await choose('Status', 'CLOSED');
    expect(screen.getByRole('combobox', { name: 'Resolution' })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'fixed the toner');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].body).not.toHaveProperty('resolution');
    const fixes = await screen.findByRole('list', { name: 'Automatic adjustments' });
    expect(fixes).toHaveTextContent('CLOSED without a resolution type is SOLVED.');
  });

  it('shows a ProblemDetail field error on the field it names', async () => {
    stubFetch(() => ({
      status: 400,
      body: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Status PENDING needs a duration, e.g. P2D or PT4H.',
        field: 'pendingFor',
      },
    }));
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} />);

    await choose('Status', 'PENDING');
    await choose('Waiting for', 'Customer');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'asked for logs');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Suspend for' })).toHaveAccessibleDescription(
        'Status PENDING needs a duration, e.g. P2D or PT4H.',
      ),
    );
  });

  it('maps an assigneeId error to the assignee field, and sends the CSRF token', async () => {
    document.cookie = 'XSRF-TOKEN=token-123';
    const requests = stubFetch(() => ({
      status: 400,
      body: { status: 400, detail: 'An OPEN ticket needs an assignee', field: 'assigneeId' },
    }));
    renderWithQueries(<UpdatePanel ticket={aTicket()} agents={agents} />);

    await choose('Assignee', 'Unassigned');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'back to the queue');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveAccessibleDescription(
        'An OPEN ticket needs an assignee',
      ),
    );
    expect(requests[0].body).toMatchObject({ assigneeId: null });
    expect(requests[0].headers.get('X-XSRF-TOKEN')).toBe('token-123');
  });
});
