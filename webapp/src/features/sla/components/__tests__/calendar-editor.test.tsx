import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CalendarDto } from '@/api/generated/model';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { CalendarEditor } from '@/features/sla/components/calendar-editor';
import { CalendarList } from '@/features/sla/components/calendar-list';

afterEach(() => vi.unstubAllGlobals());

const OFFICE = [{ start: '09:00', end: '17:00' }];
const BERLIN: CalendarDto = {
  id: 7,
  name: 'Berlin office',
  zone: 'Europe/Berlin',
  hours: {
    MONDAY: OFFICE,
    TUESDAY: OFFICE,
    WEDNESDAY: OFFICE,
    THURSDAY: OFFICE,
    FRIDAY: OFFICE,
    SATURDAY: [],
    SUNDAY: [],
  },
  holidays: ['2026-12-25', '2026-12-24'],
  builtIn: false,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
};
const ALWAYS: CalendarDto = {
  ...BERLIN,
  id: 1,
  name: 'Always open (24×7)',
  zone: 'UTC',
  hours: Object.fromEntries(
    ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((d) => [
      d,
      [{ start: '00:00', end: '24:00' }],
    ]),
  ),
  holidays: [],
  builtIn: true,
};

/** Waiting for the stubbed server on a busy CI machine: more than the default second. */
const SLOW = { timeout: 10_000 };

const writes = (requests: RecordedRequest[]) => requests.filter((request) => request.method !== 'GET');
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

describe('business calendar editor', () => {
  it('sends a new calendar: name, zone, ranges per weekday and holidays', async () => {
    const requests = stubFetch(({ body }) => ({ status: 201, body }));
    const done = vi.fn();
    renderWithQueries(<CalendarEditor onDone={done} />);

    fill(screen.getByLabelText(/^Name/), ' Berlin office ');
    // typed at once: key by key, the zone list (400 zones) re-filters on every key
    const zone = screen.getByRole('combobox', { name: /Time zone/ });
    act(() => zone.focus());
    fill(zone, 'Europe/Berlin');
    await userEvent.click(await screen.findByRole('option', { name: 'Europe/Berlin' }, SLOW));
    // Monday to Friday 09:00–17:00 to start with; Friday closes early, Saturday opens twice
    fill(screen.getByLabelText('Friday range 1 to'), '15:00');
    await userEvent.click(screen.getByRole('button', { name: 'Add range on Saturday' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add range on Saturday' }));
    fill(screen.getByLabelText('Saturday range 1 from'), '10:00');
    fill(screen.getByLabelText('Saturday range 1 to'), '12:00');
    fill(screen.getByLabelText('Saturday range 2 from'), '13:00');
    fill(screen.getByLabelText('Saturday range 2 to'), '24:00');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Wednesday range 1' }));
    fill(screen.getByLabelText('Holiday date'), '2026-12-25');
    await userEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    fill(screen.getByLabelText('Holiday date'), '2026-12-24');
    await userEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save calendar' }));

    await waitFor(() => expect(done).toHaveBeenCalled(), SLOW);
    expect(writes(requests)).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/business-calendars',
        body: {
          name: 'Berlin office',
          zone: 'Europe/Berlin',
          hours: {
            MONDAY: OFFICE,
            TUESDAY: OFFICE,
            WEDNESDAY: [],
            THURSDAY: OFFICE,
            FRIDAY: [{ start: '09:00', end: '15:00' }],
            SATURDAY: [
              { start: '10:00', end: '12:00' },
              { start: '13:00', end: '24:00' },
            ],
            SUNDAY: [],
          },
          holidays: ['2026-12-24', '2026-12-25'],
        },
      }),
    ]);
  });

  it('refuses malformed times and a range ending before it starts, before asking the server', async () => {
    const requests = stubFetch(({ body }) => ({ status: 201, body }));
    renderWithQueries(<CalendarEditor onDone={() => {}} />);
    fill(screen.getByLabelText(/^Name/), 'Night shift');
    fill(screen.getByLabelText('Monday range 1 from'), '9am');
    fill(screen.getByLabelText('Tuesday range 1 to'), '08:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save calendar' }));

    expect(screen.getByLabelText('Monday range 1 from')).toHaveAccessibleDescription('HH:MM, 00:00 to 23:59.');
    expect(screen.getByLabelText('Tuesday range 1 to')).toHaveAccessibleDescription('After the start.');
    expect(writes(requests)).toHaveLength(0);
  });

  it("puts the server's refusal on the range it names, and a taken name on the name", async () => {
    const answers = [
      {
        status: 422,
        body: { status: 422, field: 'hours.THURSDAY[0].start', detail: 'hours.THURSDAY[0].start: Overlaps …' },
      },
      {
        status: 409,
        body: { status: 409, field: 'name', detail: 'Another calendar is already called Berlin office.' },
      },
    ];
    let answer = 0;
    stubFetch(() => answers[answer++]);
    renderWithQueries(<CalendarEditor calendar={BERLIN} onDone={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save calendar' }));
    await waitFor(
      () => expect(screen.getByLabelText('Thursday range 1 from')).toHaveAccessibleDescription(/Overlaps/),
      SLOW,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save calendar' }));
    await waitFor(
      () =>
        expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription(
          'Another calendar is already called Berlin office.',
        ),
      SLOW,
    );
  });

  it('edits a stored calendar and imports holidays from an iCalendar file as it is', async () => {
    const ics =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const requests = stubFetch((request) =>
      request.url.includes('/holidays/import')
        ? {
            status: 200,
            body: {
              calendar: { ...BERLIN, holidays: ['2026-12-24', '2026-12-25', '2027-01-01'] },
              added: ['2027-01-01'],
              alreadyHolidays: 1,
              skipped: [{ event: 'Team meeting', reason: 'not an all-day event' }],
            },
          }
        : { status: 200, body: request.body },
    );
    const done = vi.fn();
    renderWithQueries(<CalendarEditor calendar={BERLIN} onDone={done} />);
    expect(screen.getByRole('heading', { name: 'Edit Berlin office' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Sunday' })).getByText('Closed')).toBeInTheDocument();

    await userEvent.upload(
      screen.getByLabelText('iCalendar file'),
      new File([ics], 'holidays.ics', { type: 'text/calendar' }),
    );
    expect(await screen.findByRole('status', {}, SLOW)).toHaveTextContent(
      'Imported: 1 new holiday, 1 already there. Skipped: Team meeting (not an all-day event).',
    );
    const upload = writes(requests)[0];
    expect(upload.url).toBe('/api/business-calendars/7/holidays/import');
    expect(upload.headers.get('Content-Type')).toBe('text/calendar');
    expect(upload.body).toBe(ics);

    await userEvent.click(screen.getByLabelText('Remove 2026-12-24'));
    await userEvent.click(screen.getByRole('button', { name: 'Save calendar' }));
    await waitFor(() => expect(done).toHaveBeenCalled(), SLOW);
    expect(writes(requests)[1]).toMatchObject({
      method: 'PUT',
      url: '/api/business-calendars/7',
      body: { name: 'Berlin office', zone: 'Europe/Berlin', holidays: ['2026-12-25', '2027-01-01'] },
    });
  });
});

describe('business calendar list', () => {
  it('summarises each week, keeps the built-in calendar read-only and shows why a delete is refused', async () => {
    const requests = stubFetch((request) =>
      request.method === 'DELETE'
        ? {
            status: 409,
            body: {
              status: 409,
              field: 'id',
              detail: 'SLA policy Enterprise counts time in this calendar; give it another calendar first.',
            },
          }
        : { status: 200, body: [ALWAYS, BERLIN] },
    );
    renderWithQueries(
      <MemoryRouter>
        <CalendarList />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Business calendars' }, SLOW);
    expect(within(table).getByText('Mon–Sun 00:00–24:00')).toBeInTheDocument();
    expect(within(table).getByText('Mon–Fri 09:00–17:00')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Always open (24×7)' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Delete Berlin office' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the calendar Berlin office?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await within(dialog).findByText(/SLA policy Enterprise counts time in this calendar/, {}, SLOW),
    ).toBeInTheDocument();
    expect(writes(requests)).toEqual([expect.objectContaining({ method: 'DELETE', url: '/api/business-calendars/7' })]);
  });
});
