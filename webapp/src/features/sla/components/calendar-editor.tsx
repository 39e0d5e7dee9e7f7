import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useGetBusinessCalendar } from '@/api/generated/endpoints/sla/sla';
import type { CalendarDto, HolidayImportDto } from '@/api/generated/model';
import { ErrorState, Loading } from '@/components/states';
import { Section } from '@/features/sla/components/section';
import { formErrorsOf } from '@/lib/api-client';
import {
  useCreateBusinessCalendar,
  useImportHolidays,
  useReplaceBusinessCalendar,
} from '@/features/sla/api/business-calendars';
import {
  calendarFields,
  calendarFormOf,
  calendarRequest,
  checkCalendar,
  emptyCalendarForm,
  timeZones,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type CalendarForm,
  type FieldErrors,
  type Weekday,
} from '@/features/sla/utils/calendar-form';

type Props = { calendar?: CalendarDto; onDone: () => void };

/** Name, time zone, opening ranges per weekday and holidays of a calendar (new without `calendar`). */
export const CalendarEditor = ({ calendar, onDone }: Props) => {
  const [form, setForm] = useState<CalendarForm>(() => (calendar ? calendarFormOf(calendar) : emptyCalendarForm()));
  const [checked, setChecked] = useState<FieldErrors>({});
  const [holiday, setHoliday] = useState('');
  const [zones] = useState(timeZones);
  const create = useCreateBusinessCalendar();
  const replace = useReplaceBusinessCalendar();
  const saving = calendar ? replace : create;
  const server = formErrorsOf(saving.error, calendarFields(form));
  const errors: FieldErrors = { ...server.fields, ...checked };

  const setDay = (day: Weekday, ranges: CalendarForm['hours'][Weekday]) =>
    setForm({ ...form, hours: { ...form.hours, [day]: ranges } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkCalendar(form);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    const data = calendarRequest(form);
    if (calendar) replace.mutate({ id: calendar.id, data }, { onSuccess: onDone });
    else create.mutate({ data }, { onSuccess: onDone });
  };

  const addHoliday = () => {
    if (!holiday || form.holidays.includes(holiday)) return;
    setForm({ ...form, holidays: [...form.holidays, holiday].sort() });
    setHoliday('');
  };

  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack spacing={2} sx={{ maxWidth: 960 }}>
        <Typography variant="h5" component="h1">
          {calendar ? `Edit ${calendar.name}` : 'New business calendar'}
        </Typography>
        <Section title="Calendar">
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="Name"
              required
              value={form.name}
              onChange={(event) => setForm({ ...form, name: event.target.value })}
              error={Boolean(errors.name)}
              helperText={errors.name}
              sx={{ flex: 1 }}
            />
            <Autocomplete
              options={zones}
              value={form.zone || null}
              onChange={(_, zone) => setForm({ ...form, zone: zone ?? '' })}
              sx={{ flex: 1 }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Time zone"
                  required
                  error={Boolean(errors.zone)}
                  helperText={errors.zone ?? 'Opening hours and holidays are local times of this zone.'}
                />
              )}
            />
          </Stack>
        </Section>
        <Section title="Opening hours">
          <Stack spacing={1}>
            {errors.hours && <Alert severity="error">{errors.hours}</Alert>}
            {WEEKDAYS.map((day) => (
              <WeekdayRow
                key={day}
                day={day}
                ranges={form.hours[day]}
                errors={errors}
                onChange={(ranges) => setDay(day, ranges)}
              />
            ))}
            <Typography variant="caption" color="text.secondary">
              Times are HH:MM; an end of 24:00 is midnight. A night shift is two ranges: 22:00–24:00 on one day and
              00:00–06:00 on the next.
            </Typography>
          </Stack>
        </Section>
        <Section title="Holidays">
          <Stack spacing={2}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField
                label="Holiday date"
                type="date"
                size="small"
                value={holiday}
                onChange={(event) => setHoliday(event.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <Button onClick={addHoliday} disabled={!holiday} startIcon={<AddIcon />}>
                Add holiday
              </Button>
            </Stack>
            {form.holidays.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                No holidays.
              </Typography>
            ) : (
              <Stack
                component="ul"
                direction="row"
                useFlexGap
                spacing={1}
                aria-label="Holidays"
                sx={{ flexWrap: 'wrap', listStyle: 'none', m: 0, p: 0 }}
              >
                {form.holidays.map((date, index) => (
                  <Box component="li" key={date}>
                    <Chip
                      label={date}
                      color={errors[`holidays[${index}]`] ? 'error' : 'default'}
                      onDelete={() => setForm({ ...form, holidays: form.holidays.filter((other) => other !== date) })}
                      deleteIcon={<DeleteOutlineIcon aria-label={`Remove ${date}`} />}
                    />
                  </Box>
                ))}
              </Stack>
            )}
            {form.holidays
              .map((_, index) => errors[`holidays[${index}]`])
              .concat(errors.holidays)
              .filter(Boolean)
              .map((message) => (
                <Alert key={message} severity="error">
                  {message}
                </Alert>
              ))}
            {calendar ? (
              <HolidayImport
                calendarId={calendar.id}
                onImported={(result, replaced) =>
                  setForm((current) => ({
                    ...current,
                    holidays: replaced
                      ? [...result.calendar.holidays].sort()
                      : [...new Set([...current.holidays, ...result.added])].sort(),
                  }))
                }
              />
            ) : (
              <Typography variant="body2" color="text.secondary">
                Save the calendar first to import holidays from an iCalendar file.
              </Typography>
            )}
          </Stack>
        </Section>
        {server.form && <Alert severity="error">{server.form}</Alert>}
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" variant="contained" loading={saving.isPending}>
            Save calendar
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
};

type WeekdayRowProps = {
  day: Weekday;
  ranges: CalendarForm['hours'][Weekday];
  errors: FieldErrors;
  onChange: (ranges: CalendarForm['hours'][Weekday]) => void;
};

const WeekdayRow = ({ day, ranges, errors, onChange }: WeekdayRowProps) => {
  const label = WEEKDAY_LABELS[day];
  const set = (index: number, key: 'start' | 'end', value: string) =>
    onChange(ranges.map((range, i) => (i === index ? { ...range, [key]: value } : range)));
  const time = (index: number, key: 'start' | 'end') => {
    const field = `hours.${day}[${index}].${key}`;
    return (
      <TextField
        size="small"
        label={key === 'start' ? 'From' : 'To'}
        value={ranges[index][key]}
        onChange={(event) => set(index, key, event.target.value)}
        error={Boolean(errors[field])}
        helperText={errors[field]}
        placeholder={key === 'start' ? '09:00' : '17:00'}
        slotProps={{ htmlInput: { 'aria-label': `${label} range ${index + 1} ${key === 'start' ? 'from' : 'to'}` } }}
        sx={{ width: 130 }}
      />
    );
  };
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={{ xs: 1, sm: 2 }}
      sx={{ alignItems: 'flex-start' }}
      role="group"
      aria-label={label}
    >
      <Typography sx={{ width: { sm: 110 }, pt: { sm: 1 } }}>{label}</Typography>
      <Stack spacing={1} sx={{ flex: 1 }}>
        {ranges.length === 0 && (
          <Typography color="text.secondary" sx={{ pt: 1 }}>
            Closed
          </Typography>
        )}
        {ranges.map((_, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            {time(index, 'start')}
            {time(index, 'end')}
            <IconButton
              aria-label={`Remove ${label} range ${index + 1}`}
              onClick={() => onChange(ranges.filter((__, i) => i !== index))}
            >
              <DeleteOutlineIcon />
            </IconButton>
          </Stack>
        ))}
        {errors[`hours.${day}`] && (
          <Typography variant="caption" color="error">
            {errors[`hours.${day}`]}
          </Typography>
        )}
      </Stack>
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => onChange([...ranges, { start: '', end: '' }])}
        aria-label={`Add range on ${label}`}
        sx={{ mt: 0.5 }}
      >
        Add range
      </Button>
    </Stack>
  );
};

/** A file's text (FileReader: every browser, and jsdom, which has no Blob.text()). */
const readText = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });

/** Adds (or, ticked, replaces the holidays with) the all-day events of an .ics file. */
const HolidayImport = ({
  calendarId,
  onImported,
}: {
  calendarId: number;
  onImported: (result: HolidayImportDto, replaced: boolean) => void;
}) => {
  const importing = useImportHolidays();
  const [replace, setReplace] = useState(false);
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await readText(file);
    importing.mutate(
      { id: calendarId, file: text, params: replace ? { replace: true } : undefined },
      { onSuccess: (result) => onImported(result, replace) },
    );
  };
  const result = importing.data;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button component="label" variant="outlined" loading={importing.isPending}>
          Import iCalendar file…
          <input hidden type="file" accept=".ics,text/calendar" aria-label="iCalendar file" onChange={upload} />
        </Button>
        <FormControlLabel
          control={<Checkbox checked={replace} onChange={(event) => setReplace(event.target.checked)} />}
          label="Replace the holidays instead of adding"
        />
      </Stack>
      {importing.isError && <Alert severity="error">{importing.error.message}</Alert>}
      {result && (
        <Alert severity="success" role="status">
          Imported: {result.added.length} new {result.added.length === 1 ? 'holiday' : 'holidays'}
          {result.alreadyHolidays > 0 ? `, ${result.alreadyHolidays} already there` : ''}.
          {result.skipped.length > 0 &&
            ` Skipped: ${result.skipped.map((skipped) => `${skipped.event} (${skipped.reason})`).join('; ')}.`}
        </Alert>
      )}
    </Stack>
  );
};

/** The editor for calendar `id`, once it is loaded. */
export const CalendarEditorPage = ({ id, onDone }: { id: number; onDone: () => void }) => {
  const calendar = useGetBusinessCalendar(id);
  if (calendar.isPending) return <Loading label="Loading the calendar…" />;
  if (calendar.isError) return <ErrorState error={calendar.error} title="Could not load the calendar" />;
  return <CalendarEditor key={calendar.data.id} calendar={calendar.data} onDone={onDone} />;
};
