import { describe, expect, it } from 'vitest';
import { aTicket } from '@/testing/tickets';
import { formatCountdown, formatSpan } from '@/utils/duration';
import { slaSummary } from '@/utils/sla';

describe('countdown formatting', () => {
  it('shows the two largest units', () => {
    expect(formatSpan(2 * 86400 + 4 * 3600 + 59)).toBe('2d 4h');
    expect(formatSpan(3 * 3600 + 5 * 60 + 30)).toBe('3h 5m');
    expect(formatSpan(12 * 60 + 59)).toBe('12m');
    expect(formatSpan(86400)).toBe('1d');
    expect(formatSpan(45)).toBe('<1m');
  });

  it('says "in" before the deadline and "overdue" after it', () => {
    expect(formatCountdown(90 * 60)).toBe('in 1h 30m');
    expect(formatCountdown(-2 * 3600)).toBe('2h overdue');
  });
});

describe('SLA chip of a ticket row', () => {
  it('counts down to resolution for an assigned ticket', () => {
    const summary = slaSummary(aTicket({}, { remainingToResolveSeconds: 5 * 3600 }));
    expect(summary).toMatchObject({ label: 'Resolve in 5h', tone: 'info' });
  });

  it('warns in the last hour and keeps ticking between refreshes', () => {
    const ticket = aTicket({}, { remainingToResolveSeconds: 3700 });
    expect(slaSummary(ticket, 0)?.tone).toBe('info');
    expect(slaSummary(ticket, 200)).toMatchObject({ label: 'Resolve in 58m', tone: 'warning' });
  });

  it('shows the assignment deadline of an unassigned ticket when it comes first', () => {
    const ticket = aTicket(
      { status: 'NEW', assigneeId: null as unknown as number },
      { remainingToAssignSeconds: 40 * 60, remainingToResolveSeconds: 20 * 3600 },
    );
    expect(slaSummary(ticket)).toMatchObject({ label: 'Assign in 40m', tone: 'warning' });
  });

  it('flags a breached resolution in red even if the server said so before the clock ran out here', () => {
    const breached = aTicket({}, { remainingToResolveSeconds: -1800, resolveBreached: true });
    expect(slaSummary(breached)).toMatchObject({ label: 'Resolve 30m overdue', tone: 'error' });
    const assignBreached = aTicket(
      { status: 'NEW', assigneeId: null as unknown as number },
      { remainingToAssignSeconds: -600, assignBreached: true },
    );
    expect(slaSummary(assignBreached)).toMatchObject({ tone: 'error', description: 'Assignment SLA breached' });
  });

  it('is paused while pending, showing the suspension left, and does not tick down', () => {
    const pending = aTicket(
      { status: 'PENDING' },
      {
        remainingToResolveSeconds: 3000,
        remainingSuspendedSeconds: 2 * 86400,
        resolutionEta: null as unknown as string,
      },
    );
    const summary = slaSummary(pending, 3600);
    expect(summary).toMatchObject({ label: 'Paused · 1d 23h left', tone: 'default' });
  });

  it('shows nothing for a closed ticket', () => {
    expect(slaSummary(aTicket({ status: 'CLOSED' }))).toBeNull();
  });
});
