import type { CalendarDto, CalendarRequest } from '@/api/generated/model';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

export type RangeForm = { start: string; end: string };

/** What the calendar editor edits: every weekday (none open = closed), holidays as YYYY-MM-DD. */
export type CalendarForm = {
  name: string;
  zone: string;
  hours: Record<Weekday, RangeForm[]>;
  holidays: string[];
};

/**
 * Errors keyed by the field names the server uses in its ProblemDetail (`name`, `zone`, `hours`,
 * `hours.MONDAY`, `hours.MONDAY[1].end`, `holidays[0]` …), so its refusals and the form's own
 * checks land on the same inputs.
 */
export type FieldErrors = Partial<Record<string, string>>;

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The IANA time zones the browser knows, UTC first (some browsers leave it out). */
export const timeZones = (): string[] => [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];

/** A new calendar: office hours Monday to Friday, 09:00–17:00, in the browser's time zone. */
export const emptyCalendarForm = (): CalendarForm => ({
  name: '',
  zone: browserZone(),
  hours: Object.fromEntries(
    WEEKDAYS.map((day) => [day, WEEKDAYS.indexOf(day) < 5 ? [{ start: '09:00', end: '17:00' }] : []]),
  ) as Record<Weekday, RangeForm[]>,
  holidays: [],
});

export const calendarFormOf = (calendar: CalendarDto): CalendarForm => ({
  name: calendar.name,
  zone: calendar.zone,
  hours: Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      (calendar.hours[day] ?? []).map((range) => ({ start: range.start ?? '', end: range.end ?? '' })),
    ]),
  ) as Record<Weekday, RangeForm[]>,
  holidays: [...calendar.holidays].sort(),
});

/** Ranges and holidays in the form's order, so the server's indexes name the rows shown. */
export const calendarRequest = (form: CalendarForm): CalendarRequest => ({
  name: form.name.trim(),
  zone: form.zone,
  hours: Object.fromEntries(WEEKDAYS.map((day) => [day, form.hours[day].map(({ start, end }) => ({ start, end }))])),
  holidays: form.holidays,
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (time: string) => (time === '24:00' ? 1440 : Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));

/** What the form can tell before asking the server; the server checks everything again. */
export const checkCalendar = (form: CalendarForm): FieldErrors => {
  const errors: FieldErrors = {};
  if (!form.name.trim()) errors.name = 'Give the calendar a name.';
  if (!form.zone) errors.zone = 'Pick a time zone.';
  for (const day of WEEKDAYS) {
    form.hours[day].forEach(({ start, end }, index) => {
      const field = `hours.${day}[${index}]`;
      if (!TIME.test(start)) errors[`${field}.start`] = 'HH:MM, 00:00 to 23:59.';
      if (!TIME.test(end) && end !== '24:00') errors[`${field}.end`] = 'HH:MM, up to 24:00.';
      else if (TIME.test(start) && minutesOf(end) <= minutesOf(start)) errors[`${field}.end`] = 'After the start.';
    });
  }
  if (WEEKDAYS.every((day) => form.hours[day].length === 0)) {
    errors.hours = 'The calendar is never open: give at least one range.';
  }
  return errors;
};

/** Every field name an error may be placed on for this form (the server's spelling). */
export const calendarFields = (form: CalendarForm): string[] => [
  'name',
  'zone',
  'hours',
  'holidays',
  'body',
  ...WEEKDAYS.flatMap((day) => [
    `hours.${day}`,
    ...form.hours[day].flatMap((_, index) => [`hours.${day}[${index}].start`, `hours.${day}[${index}].end`]),
  ]),
  ...form.holidays.map((_, index) => `holidays[${index}]`),
];

/** "Mon–Fri 09:00–17:00 · Sat 10:00–14:00": the week in one line, equal neighbouring days joined. */
export const weekSummary = (hours: CalendarDto['hours']): string => {
  const text = (day: Weekday) => (hours[day] ?? []).map((range) => `${range.start}–${range.end}`).join(', ');
  const parts: string[] = [];
  let from = 0;
  for (let index = 1; index <= WEEKDAYS.length; index++) {
    if (index < WEEKDAYS.length && text(WEEKDAYS[index]) === text(WEEKDAYS[from])) continue;
    const hoursText = text(WEEKDAYS[from]);
    if (hoursText) {
      const first = WEEKDAY_LABELS[WEEKDAYS[from]].slice(0, 3);
      const last = WEEKDAY_LABELS[WEEKDAYS[index - 1]].slice(0, 3);
      parts.push(`${index - 1 > from ? `${first}–${last}` : first} ${hoursText}`);
    }
    from = index;
  }
  return parts.join(' · ') || 'never open';
};
