import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PolicyDto, PolicyDtoPausesItem } from '@/api/generated/model';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { PolicyEditor, PolicyEditorPage } from '@/features/sla/components/policy-editor';
import { PolicyList } from '@/features/sla/components/policy-list';

afterEach(() => vi.unstubAllGlobals());

const CALENDARS = [
  { id: 1, name: 'Always open (24×7)', zone: 'UTC', hours: {}, holidays: [], builtIn: true },
  { id: 2, name: 'Berlin office', zone: 'Europe/Berlin', hours: {}, holidays: [], builtIn: false },
];
const ORGANIZATIONS = [{ id: 5, name: 'Acme', domain: 'acme.example', createdAt: '2026-11-01T08:00:00Z' }];
const MAILBOXES = [{ id: 9, email: 'support@tempodesk.demo' }];
const EVERY_REASON: PolicyDtoPausesItem[] = ['CUSTOMER', 'THIRD_PARTY', 'CHANGE', 'CLOSE'];
const NO_PAUSES_CHANGED = {
  TIME_TO_ASSIGN: EVERY_REASON,
  FIRST_RESPONSE: EVERY_REASON,
  NEXT_REPLY: EVERY_REASON,
  RESOLUTION: EVERY_REASON,
};
const policy = (id: number, name: string, extra: Partial<PolicyDto> = {}): PolicyDto => ({
  id,
  name,
  position: id,
  calendarId: 2,
  conditions: { organizationIds: [5], priorities: ['HIGH', 'URGENT'], channels: [], mailboxIds: [] },
  targets: { HIGH: { FIRST_RESPONSE: 'PT1H30M', RESOLUTION: 'PT8H' } },
  pauses: { ...NO_PAUSES_CHANGED, RESOLUTION: ['CUSTOMER' as const] },
  followsConfiguration: false,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
  ...extra,
});

/** The API the editor reads, answering writes with `write`. */
const server = (
  write: (request: RecordedRequest) => { status: number; body: unknown },
  policies = [policy(3, 'Enterprise')],
) =>
  stubFetch((request) => {
    if (request.method !== 'GET') return write(request);
    if (request.url.startsWith('/api/business-calendars')) return { status: 200, body: CALENDARS };
    if (request.url.startsWith('/api/organizations')) return { status: 200, body: ORGANIZATIONS };
    if (request.url.startsWith('/api/mailboxes')) return { status: 200, body: MAILBOXES };
    return { status: 200, body: policies };
  });

/** Waiting for the stubbed server on a busy CI machine: more than the default second. */
const SLOW = { timeout: 10_000 };

const writes = (requests: RecordedRequest[]) => requests.filter((request) => request.method !== 'GET');

const choose = async (label: string, ...options: string[]) => {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox', {}, SLOW);
  for (const option of options) await userEvent.click(within(listbox).getByRole('option', { name: option }));
  await userEvent.keyboard('{Escape}');
};

/** Sets an input's text in one change (typing key by key re-renders the whole grid each time). */
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

const target = (cell: string, hours: string, minutes = '') => ({
  hours: screen.getByLabelText(`${cell} hours`),
  minutes: screen.getByLabelText(`${cell} minutes`),
  fill: async () => {
    if (hours) fill(screen.getByLabelText(`${cell} hours`), hours);
    if (minutes) fill(screen.getByLabelText(`${cell} minutes`), minutes);
  },
});

describe('SLA policy editor', () => {
  it('sends a new policy with its calendar and conditions, placed last', async () => {
    const requests = server(({ body }) => ({ status: 201, body }));
    const done = vi.fn();
    renderWithQueries(<PolicyEditor newPosition={2} onDone={done} />);

    fill(screen.getByLabelText(/^Name/), ' Enterprise hours ');
    // until one is picked, the built-in calendar is shown (and none sent: the server's default)
    await waitFor(
      () => expect(screen.getByRole('combobox', { name: 'Business calendar' })).toHaveTextContent('Always open'),
      SLOW,
    );
    await choose('Business calendar', 'Berlin office (Europe/Berlin)');
    await choose('Priorities', 'HIGH', 'URGENT');
    await choose('Organizations', 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    await waitFor(() => expect(done).toHaveBeenCalled(), SLOW);
    expect(writes(requests)).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/sla-policies',
        body: {
          name: 'Enterprise hours',
          position: 2,
          calendarId: 2,
          conditions: { organizationIds: [5], priorities: ['HIGH', 'URGENT'], channels: [], mailboxIds: [] },
          targets: {},
          pauses: NO_PAUSES_CHANGED,
        },
      }),
    ]);
  });

  it('sends the targets as ISO durations and the pending reasons that pause each clock', async () => {
    const requests = server(({ body }) => ({ status: 201, body }));
    const done = vi.fn();
    renderWithQueries(<PolicyEditor onDone={done} />);

    fill(screen.getByLabelText(/^Name/), 'Business hours');
    await target('HIGH First response', '1').fill();
    await target('HIGH Next reply', '', '30').fill();
    await target('URGENT Resolution', '4', '15').fill();
    await userEvent.click(screen.getByLabelText('Third party pauses Resolution'));
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    await waitFor(() => expect(done).toHaveBeenCalled(), SLOW);
    expect(writes(requests)[0].body).toEqual({
      name: 'Business hours',
      conditions: { organizationIds: [], priorities: [], channels: [], mailboxIds: [] },
      targets: { HIGH: { FIRST_RESPONSE: 'PT1H', NEXT_REPLY: 'PT30M' }, URGENT: { RESOLUTION: 'PT4H15M' } },
      pauses: { ...NO_PAUSES_CHANGED, RESOLUTION: ['CUSTOMER', 'CHANGE', 'CLOSE'] },
    });
  });

  it('refuses a nameless policy and a target that is no duration, before asking the server', async () => {
    const requests = server(({ body }) => ({ status: 201, body }));
    renderWithQueries(<PolicyEditor onDone={() => {}} />);
    await target('LOW First response', '2', '75').fill();
    await target('NORMAL Resolution', '0', '0').fill();
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription('Give the policy a name.');
    expect(screen.getByText('LOW · First response: Minutes from 0 to 59.')).toBeInTheDocument();
    expect(screen.getByText('NORMAL · Resolution: Longer than zero, or leave it empty.')).toBeInTheDocument();
    expect(target('LOW First response', '').hours).toHaveAttribute('aria-invalid', 'true');
    expect(writes(requests)).toHaveLength(0);
  });

  it("shows the server's refusal on the field it names: a target cell, a condition, the name", async () => {
    const refusals = [
      { field: 'targets.URGENT.RESOLUTION', detail: 'targets.URGENT.RESOLUTION: Longer than zero and at most P366D.' },
      { field: 'conditions.organizationIds[0]', detail: 'There is nothing with id 5.' },
      { field: 'name', detail: 'Another SLA policy is already called Enterprise.' },
    ];
    let answer = 0;
    server(() => {
      const { field, detail } = refusals[answer++];
      return { status: field === 'name' ? 409 : 422, body: { status: 422, title: 'Invalid field', field, detail } };
    });
    renderWithQueries(<PolicyEditor onDone={() => {}} />);
    fill(screen.getByLabelText(/^Name/), 'Enterprise');
    await target('URGENT Resolution', '9000').fill();
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText(/^URGENT · Resolution: .*at most P366D/, {}, SLOW)).toBeInTheDocument();
    expect(target('URGENT Resolution', '').hours).toHaveAttribute('aria-invalid', 'true');

    await choose('Organizations', 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('There is nothing with id 5.', {}, SLOW)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(
      () =>
        expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription(
          'Another SLA policy is already called Enterprise.',
        ),
      SLOW,
    );
  });

  it('opens a stored policy as it is and replaces it, keeping what was not touched', async () => {
    const requests = server(({ body }) => ({ status: 200, body }));
    const done = vi.fn();
    renderWithQueries(<PolicyEditorPage id={3} onDone={done} />);
    expect(await screen.findByRole('heading', { name: 'Edit SLA policy Enterprise' }, SLOW)).toBeInTheDocument();
    const firstResponse = target('HIGH First response', '');
    expect(firstResponse.hours).toHaveValue('1');
    expect(firstResponse.minutes).toHaveValue('30');
    expect(screen.getByLabelText('Customer pauses Resolution')).toBeChecked();
    expect(screen.getByLabelText('Change pauses Resolution')).not.toBeChecked();

    fill(target('HIGH Resolution', '').hours, ''); // no resolution target any more
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(done).toHaveBeenCalled(), SLOW);
    expect(writes(requests)[0]).toMatchObject({
      method: 'PUT',
      url: '/api/sla-policies/3',
      body: {
        name: 'Enterprise',
        calendarId: 2,
        conditions: { organizationIds: [5], priorities: ['HIGH', 'URGENT'] },
        targets: { HIGH: { FIRST_RESPONSE: 'PT1H30M' } },
        pauses: { RESOLUTION: ['CUSTOMER'] },
      },
    });
    expect(writes(requests)[0].body).not.toHaveProperty('position');
  });
});

describe('SLA policy list', () => {
  const two = [
    policy(3, 'Enterprise'),
    policy(4, 'Everyone else', {
      conditions: { organizationIds: [], priorities: [], channels: [], mailboxIds: [] },
      targets: {},
    }),
  ];

  it('lists the policies in order with what they apply to, and moves one up', async () => {
    const requests = server(() => ({ status: 200, body: [two[1], two[0]] }), two);
    renderWithQueries(
      <MemoryRouter>
        <PolicyList />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'SLA policies' }, SLOW);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1].textContent)).toEqual(['Enterprise', 'Everyone else']);
    expect(rows[0]).toHaveTextContent('HIGH, URGENT · 1 organization');
    expect(rows[0]).toHaveTextContent('Berlin office');
    expect(rows[0]).toHaveTextContent('2 targets');
    expect(rows[1]).toHaveTextContent('every ticket');
    expect(screen.getByRole('button', { name: 'Move Enterprise up' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Move Everyone else up' }));
    await waitFor(() => expect(writes(requests)).toHaveLength(1), SLOW);
    expect(writes(requests)[0]).toMatchObject({ method: 'PUT', url: '/api/sla-policies/order', body: { ids: [4, 3] } });
  });

  it('deletes a policy after asking', async () => {
    const requests = server(() => ({ status: 204, body: null }), two);
    renderWithQueries(
      <MemoryRouter>
        <PolicyList />
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Everyone else' }, SLOW));
    const dialog = screen.getByRole('dialog', { name: 'Delete the SLA policy Everyone else?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(
      () =>
        expect(writes(requests)).toEqual([expect.objectContaining({ method: 'DELETE', url: '/api/sla-policies/4' })]),
      SLOW,
    );
  });
});
