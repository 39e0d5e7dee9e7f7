-- Business calendars (issue 18): when a team works, so SLA clocks can count business time.
-- hours holds the weekly opening ranges in local wall-clock time, as the API shows them:
--   {"MONDAY": [{"start": "09:00", "end": "17:00"}], ..., "SUNDAY": []}
-- The rules (HH:MM, end after start, no overlaps, at least one range) are checked in one place,
-- dev.tempodesk.workflows.calendar.BusinessCalendar; the table only keeps the shape.
-- holidays are whole local dates on which the calendar is closed.
-- built_in marks the seeded round-the-clock calendar, the default; it is neither changed nor deleted.
create table business_calendars (
  id          bigserial   primary key,
  name        text        not null,
  zone        text        not null,
  hours       jsonb       not null,
  holidays    date[]      not null default '{}',
  built_in    boolean     not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  constraint business_calendars_name_unique unique (name),
  constraint business_calendars_name_not_blank check (length(btrim(name)) > 0),
  constraint business_calendars_hours_is_object check (jsonb_typeof(hours) = 'object')
);
create unique index business_calendars_one_built_in on business_calendars (built_in) where built_in;

insert into business_calendars (name, zone, hours, built_in) values (
  'Always open (24×7)',
  'UTC',
  '{"MONDAY":    [{"start": "00:00", "end": "24:00"}],
    "TUESDAY":   [{"start": "00:00", "end": "24:00"}],
    "WEDNESDAY": [{"start": "00:00", "end": "24:00"}],
    "THURSDAY":  [{"start": "00:00", "end": "24:00"}],
    "FRIDAY":    [{"start": "00:00", "end": "24:00"}],
    "SATURDAY":  [{"start": "00:00", "end": "24:00"}],
    "SUNDAY":    [{"start": "00:00", "end": "24:00"}]}',
  true);
