import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuleDto } from '@/api/generated/model';
import { RoutingRuleList } from '@/features/routing/components/routing-rule-list';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const GROUPS = [
  { id: 1, name: 'Support' },
  { id: 3, name: 'Billing' },
];
const ORGANIZATIONS = [{ id: 5, name: 'Acme', domain: 'acme.example', createdAt: '2026-11-01T08:00:00Z' }];
const MAILBOXES = [{ id: 9, email: 'support@tempodesk.demo' }];

const rule = (id: number, name: string, extra: Partial<RuleDto> = {}): RuleDto =>
  ({
    id,
    name,
    position: id,
    enabled: true,
    keywords: [],
    groupId: 3,
    groupName: 'Billing',
    addTags: [],
    createdAt: '2026-11-01T08:00:00Z',
    updatedAt: '2026-11-01T08:00:00Z',
    ...extra,
  }) as RuleDto;

const RULES = [
  rule(1, 'Billing mail', { recipient: 'billing@acme.example', setPriority: 'HIGH', addTags: ['billing'] }),
  rule(2, 'Everything else', { groupId: 1, groupName: 'Support', enabled: false }),
];

/** The API the page reads; writes are answered by `write`. */
const server = (
  write: (request: RecordedRequest) => { status: number; body: unknown } = () => ({ status: 200, body: RULES }),
) =>
  stubFetch((request) => {
    if (request.method !== 'GET') return write(request);
    if (request.url.startsWith('/api/groups')) return { status: 200, body: GROUPS };
    if (request.url.startsWith('/api/organizations')) return { status: 200, body: ORGANIZATIONS };
    if (request.url.startsWith('/api/mailboxes')) return { status: 200, body: MAILBOXES };
    return { status: 200, body: RULES };
  });

const SLOW = { timeout: 10_000 };
const writes = (requests: RecordedRequest[]) => requests.filter((request) => request.method !== 'GET');
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

const choose = async (label: RegExp, option: string) => {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox', {}, SLOW);
  await userEvent.click(within(listbox).getByRole('option', { name: option }));
};

describe('Routing rules page', () => {
  it('lists the rules in order with what they ask and do, and moves one up', async () => {
    const requests = server();
    renderWithQueries(<RoutingRuleList />);
    const table = await screen.findByRole('table', { name: 'Routing rules' }, SLOW);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('to billing@acme.example');
    expect(rows[0]).toHaveTextContent('Billing · priority high · tags billing');
    expect(rows[1]).toHaveTextContent('Every ticket');
    expect(screen.getByRole('switch', { name: 'Everything else enabled' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Move Billing mail up' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Move Everything else up' }));
    await waitFor(() => expect(writes(requests)).toHaveLength(1), SLOW);
    expect(writes(requests)[0]).toMatchObject({
      method: 'PUT',
      url: '/api/routing-rules/order',
      body: { ids: [2, 1] },
    });
  });

  it('switches a rule on by sending the whole rule back', async () => {
    const requests = server();
    renderWithQueries(<RoutingRuleList />);
    await userEvent.click(await screen.findByRole('switch', { name: 'Everything else enabled' }, SLOW));
    await waitFor(() => expect(writes(requests)).toHaveLength(1), SLOW);
    expect(writes(requests)[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/routing-rules/2',
      body: { name: 'Everything else', enabled: true, groupId: 1, recipient: null, keywords: [], addTags: [] },
    });
  });

  it('creates a rule with a recipient and keywords for a group, and shows a refusal on its field', async () => {
    let refuse = true;
    const requests = server(() =>
      refuse
        ? {
            status: 422,
            body: { status: 422, title: 'Invalid field', detail: 'must be an email address', field: 'recipient' },
          }
        : { status: 201, body: rule(7, 'Refunds') },
    );
    renderWithQueries(<RoutingRuleList />);
    await userEvent.click(await screen.findByRole('button', { name: 'New rule' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'New routing rule' });
    fill(within(dialog).getByLabelText(/^Name/), 'Refunds');
    fill(within(dialog).getByLabelText(/^was mailed to/), 'billing at acme');
    fill(within(dialog).getByLabelText(/^mentions any of/), 'refund, credit card ,');
    await choose(/^send it to group/, 'Billing');
    await choose(/^set priority/, 'urgent');
    fill(within(dialog).getByLabelText(/^add tags/), 'Billing Issue');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create rule' }));

    await waitFor(
      () =>
        expect(within(dialog).getByLabelText(/^was mailed to/)).toHaveAccessibleDescription('must be an email address'),
      SLOW,
    );
    expect(writes(requests)[0]).toMatchObject({
      method: 'POST',
      url: '/api/routing-rules',
      body: {
        name: 'Refunds',
        enabled: true,
        recipient: 'billing at acme',
        keywords: ['refund', 'credit card'],
        groupId: 3,
        setPriority: 'URGENT',
        addTags: ['Billing Issue'],
        mailboxId: null,
        organizationId: null,
        channel: null,
      },
    });

    refuse = false;
    fill(within(dialog).getByLabelText(/^was mailed to/), 'billing@acme.example');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create rule' }));
    await waitFor(
      () => expect(screen.queryByRole('dialog', { name: 'New routing rule' })).not.toBeInTheDocument(),
      SLOW,
    );
    expect(writes(requests)[1].body).toMatchObject({ recipient: 'billing@acme.example' });
  });

  it('deletes a rule after asking', async () => {
    const requests = server(() => ({ status: 204, body: null }));
    renderWithQueries(<RoutingRuleList />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Billing mail' }, SLOW));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /Delete/ }));
    await waitFor(() => expect(writes(requests)).toHaveLength(1), SLOW);
    expect(writes(requests)[0]).toMatchObject({ method: 'DELETE', url: '/api/routing-rules/1' });
  });
});
