import { describe, expect, it } from 'vitest';
import { weekSummary } from '@/features/sla/utils/calendar-form';
import { durationFormOf, durationProblem, isoDuration } from '@/features/sla/utils/policy-form';

describe('SLA targets as hours and minutes', () => {
  it('reads ISO-8601 durations, days and seconds included, leaving a zero part blank', () => {
    expect(durationFormOf('PT1H30M')).toEqual({ hours: '1', minutes: '30' });
    expect(durationFormOf('PT8H')).toEqual({ hours: '8', minutes: '' });
    expect(durationFormOf('PT45M')).toEqual({ hours: '', minutes: '45' });
    expect(durationFormOf('P2DT1H')).toEqual({ hours: '49', minutes: '' });
    expect(durationFormOf('PT90S')).toEqual({ hours: '', minutes: '2' });
    expect(durationFormOf(undefined)).toEqual({ hours: '', minutes: '' });
  });

  it('writes what was typed back as ISO-8601, blank as no target', () => {
    expect(isoDuration({ hours: '1', minutes: '30' })).toBe('PT1H30M');
    expect(isoDuration({ hours: '24', minutes: '' })).toBe('PT24H');
    expect(isoDuration({ hours: '', minutes: '15' })).toBe('PT15M');
    expect(isoDuration({ hours: ' ', minutes: '' })).toBeUndefined();
    for (const iso of ['PT1H30M', 'PT8H', 'PT45M', 'PT200H5M']) expect(isoDuration(durationFormOf(iso))).toBe(iso);
  });

  it('names what is wrong with a typed target', () => {
    expect(durationProblem({ hours: '', minutes: '' })).toBeNull();
    expect(durationProblem({ hours: '1.5', minutes: '' })).toBe('Whole hours and minutes.');
    expect(durationProblem({ hours: '1', minutes: '60' })).toBe('Minutes from 0 to 59.');
    expect(durationProblem({ hours: '0', minutes: '0' })).toBe('Longer than zero, or leave it empty.');
  });
});

describe('a week in one line', () => {
  it('joins neighbouring days with the same hours and leaves closed days out', () => {
    const office = [{ start: '09:00', end: '17:00' }];
    expect(
      weekSummary({
        MONDAY: office,
        TUESDAY: office,
        WEDNESDAY: office,
        THURSDAY: office,
        FRIDAY: [{ start: '09:00', end: '15:00' }],
        SATURDAY: [
          { start: '10:00', end: '12:00' },
          { start: '13:00', end: '14:00' },
        ],
        SUNDAY: [],
      }),
    ).toBe('Mon–Thu 09:00–17:00 · Fri 09:00–15:00 · Sat 10:00–12:00, 13:00–14:00');
    expect(weekSummary({})).toBe('never open');
  });
});
