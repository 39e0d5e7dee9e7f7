import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS, TicketFilters, type TicketFilterValues } from '@/features/tickets/components/ticket-filters';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { parseListParams, toSearchParams } from '@/features/tickets/hooks/use-list-params';
import { toFilterValues, withFilterValues } from '@/features/tickets/utils/list-filter-values';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';

const MAILBOXES = [
  { id: 4, email: 'support@acme.example', grantId: 'g4', active: true },
  { id: 5, email: 'sales@acme.example', grantId: 'g5', active: true },
];
const ORGANIZATIONS = [
  { id: 11, name: 'Acme', domain: 'acme.example', createdAt: '2026-01-01T00:00:00Z' },
  { id: 12, name: 'Globex', domain: null, createdAt: '2026-01-01T00:00:00Z' },
];
const CARLA = { id: 3, email: 'carla@acme.example', displayName: 'Carla Customer', organizationId: 11 };

const backend = (request: RecordedRequest) => {
  const path = request.url.split('?')[0];
  if (path === '/api/mailboxes') return { status: 200, body: MAILBOXES };
  if (path === '/api/organizations') return { status: 200, body: ORGANIZATIONS };
  if (path === '/api/contacts') return { status: 200, body: request.url.includes('text=carl') ? [CARLA] : [] };
  if (path === '/api/contacts/3') return { status: 200, body: CARLA };
  if (path === '/api/tickets') return { status: 200, body: { items: [], nextCursor: null } };
  if (path === '/api/views') return { status: 200, body: [] };
  if (path === '/api/groups') return { status: 200, body: [] };
  return { status: 404, body: {} };
};

/** The filters with their state, the last values shown as JSON. */
const Filters = ({ initial = EMPTY_FILTERS }: { initial?: TicketFilterValues }) => {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TicketFilters value={value} onChange={setValue} assignees={[]} />
      <output aria-label="values">{JSON.stringify(value)}</output>
    </>
  );
};

const shown = (): TicketFilterValues => JSON.parse(screen.getByLabelText('values').textContent ?? '{}');

const pick = async (label: string, option: string) => {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
  await userEvent.keyboard('{Escape}');
};

afterEach(() => vi.unstubAllGlobals());

describe('the list filters of issue 20', () => {
  it('loads the mailboxes only when the menu opens and filters by the chosen ones', async () => {
    const requests = stubFetch(backend);
    renderWithQueries(<Filters />);
    expect(requests.filter((request) => request.url.startsWith('/api/mailboxes'))).toHaveLength(0);

    await pick('Mailbox', 'sales@acme.example');

    expect(shown().mailboxIds).toEqual([5]);
    expect(screen.getByRole('combobox', { name: 'Mailbox' })).toHaveTextContent('sales@acme.example');
  });

  it('filters by channels, agent-created included', async () => {
    stubFetch(backend);
    renderWithQueries(<Filters />);

    await pick('Channel', 'Portal');
    await pick('Channel', 'Agent-created');

    expect(shown().channels).toEqual(['PORTAL', 'AGENT']);
  });

  it('finds organizations by name and the reporter by what is typed', async () => {
    const requests = stubFetch(backend);
    renderWithQueries(<Filters />);

    await userEvent.click(screen.getByRole('combobox', { name: 'Organization' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Globex' }));
    expect(shown().organizationIds).toEqual([12]);

    await userEvent.type(screen.getByRole('combobox', { name: 'Reporter' }), 'carl');
    await userEvent.click(await screen.findByRole('option', { name: 'Carla Customer <carla@acme.example>' }));
    expect(shown().reporterId).toBe(3);
    expect(requests.some((request) => request.url.startsWith('/api/contacts?text=carl'))).toBe(true);
  });

  it('takes date ranges and says when a range starts after it ends', async () => {
    stubFetch(backend);
    renderWithQueries(<Filters />);

    await userEvent.type(screen.getByLabelText('Created from'), '2026-12-05');
    await userEvent.type(screen.getByLabelText('Created to'), '2026-12-01');

    expect(shown()).toMatchObject({ createdFrom: '2026-12-05', createdTo: '2026-12-01' });
    expect(screen.getByText('After the end date')).toBeInTheDocument();
  });

  it('sorts by SLA due (the URGENCY order), priority, newest or recently updated', async () => {
    stubFetch(backend);
    renderWithQueries(<Filters />);

    await userEvent.click(screen.getByRole('combobox', { name: 'Sort by' }));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Default',
      'SLA due',
      'Priority',
      'Recently updated',
      'Newest',
      'Best match',
    ]);
    await userEvent.click(screen.getByRole('option', { name: 'Priority' }));

    expect(shown().sort).toBe('PRIORITY');
    await pick('Sort by', 'SLA due');
    expect(shown().sort).toBe('URGENCY');
  });
});

describe('the list filters in the URL', () => {
  it('survive the round trip form → URL → form unchanged', () => {
    const values: TicketFilterValues = {
      ...EMPTY_FILTERS,
      status: ['OPEN'],
      mailboxIds: [4, 5],
      channels: ['EMAIL', 'PORTAL'],
      organizationIds: [11],
      reporterId: 3,
      createdFrom: '2026-12-01',
      createdTo: '2026-12-05',
      updatedFrom: '2026-12-02',
      updatedTo: '2026-12-06',
      sort: 'PRIORITY',
    };
    const query = toSearchParams(withFilterValues({ mine: true }, values));

    expect(query.toString()).toBe(
      'status=OPEN&channel=EMAIL&channel=PORTAL&mailboxId=4&mailboxId=5&organizationId=11&reporterId=3&mine=true' +
        '&sort=PRIORITY&createdFrom=2026-12-01&createdTo=2026-12-05&updatedFrom=2026-12-02&updatedTo=2026-12-06',
    );
    const back = parseListParams(new URLSearchParams(query.toString()));
    expect(back.mine).toBe(true);
    expect(toFilterValues(back)).toEqual(values);
  });

  it('ignores ids that are not numbers', () => {
    expect(parseListParams(new URLSearchParams('mailboxId=4,x&organizationId=-1&reporterId=carla'))).toEqual({
      mailboxId: [4],
    });
  });

  it('shows the filters of the URL and asks the API for them; a change keeps the others', async () => {
    const requests = stubFetch(backend);
    renderWithQueries(
      <MemoryRouter
        initialEntries={[
          '/?mailboxId=4&channel=PHONE&organizationId=11&reporterId=3&createdFrom=2026-12-01&sort=UPDATED',
        ]}
      >
        <TicketList />
      </MemoryRouter>,
    );

    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Mailbox' })).toHaveTextContent('support@acme.example'),
    );
    expect(screen.getByRole('combobox', { name: 'Channel' })).toHaveTextContent('Phone');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Reporter' })).toHaveValue('Carla Customer <carla@acme.example>'),
    );
    expect(await screen.findByRole('button', { name: 'Acme' })).toBeInTheDocument();
    expect(screen.getByLabelText('Created from')).toHaveValue('2026-12-01');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveTextContent('Recently updated');
    const listed = () => requests.filter((request) => request.url.startsWith('/api/tickets?')).map((r) => r.url);
    await waitFor(() => expect(listed().at(-1)).toContain('mailboxId=4'));
    expect(listed().at(-1)).toMatch(/channel=PHONE/);
    expect(listed().at(-1)).toMatch(/organizationId=11/);
    expect(listed().at(-1)).toMatch(/reporterId=3/);
    expect(listed().at(-1)).toMatch(/createdFrom=2026-12-01/);

    await pick('Sort by', 'Priority');

    await waitFor(() => expect(listed().at(-1)).toMatch(/sort=PRIORITY/));
    expect(listed().at(-1)).toMatch(/mailboxId=4/);
    expect(listed().at(-1)).toMatch(/reporterId=3/);
  });
});
