import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SlaDto } from '@/api/generated/model';
import { aTicket } from '@/testing/tickets';
import { SlaPanel } from '@/features/tickets/components/sla-panel';

describe('SLA panel', () => {
  it('shows remaining time to resolve, the ETA and no breach', () => {
    render(<SlaPanel ticket={aTicket({}, { remainingToResolveSeconds: 5 * 3600 + 120 })} fetchedAt={Date.now()} />);
    expect(screen.getByText('in 5h 2m')).toBeInTheDocument();
    expect(screen.getByText('Resolve SLA on track')).toBeInTheDocument();
    expect(screen.getByText('Assign SLA met')).toBeInTheDocument();
    expect(screen.queryByText('Clock paused')).not.toBeInTheDocument();
  });

  it('calls a running assign clock on track, not met', () => {
    render(
      <SlaPanel
        ticket={aTicket({ status: 'NEW', assigneeId: null as unknown as number }, { remainingToAssignSeconds: 1800 })}
        fetchedAt={Date.now()}
      />,
    );
    expect(screen.getByText('Assign SLA on track')).toBeInTheDocument();
    expect(screen.queryByText('Assign SLA met')).not.toBeInTheDocument();
  });

  it('calls the resolve clock met once the ticket closed in time', () => {
    render(
      <SlaPanel ticket={aTicket({ status: 'CLOSED', closedAt: '2026-11-22T10:00:00Z' })} fetchedAt={Date.now()} />,
    );
    expect(screen.getByText('Resolve SLA met')).toBeInTheDocument();
  });

  it('flags breaches', () => {
    render(
      <SlaPanel
        ticket={aTicket({}, { remainingToResolveSeconds: -7200, resolveBreached: true, assignBreached: true })}
        fetchedAt={Date.now()}
      />,
    );
    expect(screen.getByText('2h overdue')).toBeInTheDocument();
    expect(screen.getByText('Resolve SLA breached')).toBeInTheDocument();
    expect(screen.getByText('Assign SLA breached')).toBeInTheDocument();
  });

  it('shows the clock paused and the suspension left while pending', () => {
    render(
      <SlaPanel
        ticket={aTicket(
          { status: 'PENDING', pendingUntil: '2026-11-24T10:00:00Z' },
          {
            remainingToResolveSeconds: 4 * 3600,
            remainingSuspendedSeconds: 86400 + 3600,
            resolutionEta: null as unknown as string,
          },
        )}
        fetchedAt={Date.now() - 10 * 60_000}
      />,
    );
    expect(screen.getByText('Clock paused')).toBeInTheDocument();
    expect(screen.getByText('paused while pending')).toBeInTheDocument();
    // the resolve clock stands still while pending, even ten minutes after the fetch
    expect(screen.getByText('in 4h')).toBeInTheDocument();
    expect(screen.getByText(/^1d \(until/)).toBeInTheDocument();
  });
});

/** A ticket whose `sla` carries the per-metric fields (contract A), which the generated type may lack. */
const withMetrics = (perMetric: Record<string, unknown>, overrides = {}) =>
  aTicket(overrides, perMetric as Partial<SlaDto>);

const enterprise = { policy: { id: 3, name: 'Enterprise' }, calendar: { id: 2, name: 'Berlin office' } };

describe('SLA panel with a clock per metric', () => {
  it('names the policy and calendar and shows each clock in business time, in order', () => {
    render(
      <SlaPanel
        ticket={withMetrics({
          ...enterprise,
          metrics: [
            {
              metric: 'TIME_TO_ASSIGN',
              state: 'STOPPED',
              targetSeconds: 1800,
              remainingBusinessSeconds: null,
              dueAt: null,
              warned: false,
              breached: false,
            },
            {
              metric: 'FIRST_RESPONSE',
              state: 'STOPPED',
              targetSeconds: 3600,
              remainingBusinessSeconds: null,
              dueAt: null,
              warned: true,
              breached: true,
            },
            {
              metric: 'NEXT_REPLY',
              state: 'RUNNING',
              targetSeconds: 7200,
              remainingBusinessSeconds: 5400,
              dueAt: '2026-12-07T09:55:00Z',
              warned: false,
              breached: false,
            },
            {
              metric: 'RESOLUTION',
              state: 'RUNNING',
              targetSeconds: 28800,
              remainingBusinessSeconds: 4000,
              dueAt: '2026-12-07T10:00:00Z',
              warned: true,
              breached: false,
            },
          ],
        })}
        fetchedAt={Date.now()}
      />,
    );
    expect(screen.getByTestId('sla-policy')).toHaveTextContent('Policy: Enterprise · Berlin office');
    const clocks = within(screen.getByRole('list', { name: 'SLA clocks' })).getAllByRole('listitem');
    expect(clocks.map((clock) => clock.getAttribute('aria-label'))).toEqual([
      'Time to assign',
      'First response',
      'Next reply',
      'Resolution',
    ]);
    const assign = screen.getByRole('listitem', { name: 'Time to assign' });
    expect(within(assign).getByText('Met')).toBeInTheDocument();
    expect(within(assign).getByText('target 30m')).toBeInTheDocument();
    const first = screen.getByRole('listitem', { name: 'First response' });
    expect(within(first).getByText('Breached')).toBeInTheDocument();
    const next = screen.getByRole('listitem', { name: 'Next reply' });
    expect(within(next).getByText('Running')).toBeInTheDocument();
    expect(within(next).getByText(/^1h 30m business time left · due /)).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Resolution' })).getByText('Warning')).toBeInTheDocument();
    // the fields of the older SLA panel are gone
    expect(screen.queryByText('Due (ETA)')).not.toBeInTheDocument();
  });

  it('shows a paused clock standing still and a running one overdue as breached', () => {
    render(
      <SlaPanel
        ticket={withMetrics(
          {
            ...enterprise,
            remainingSuspendedSeconds: 3600,
            metrics: [
              {
                metric: 'FIRST_RESPONSE',
                state: 'RUNNING',
                targetSeconds: 3600,
                remainingBusinessSeconds: -600,
                dueAt: '2026-12-07T09:55:00Z',
                warned: true,
                breached: true,
              },
              {
                metric: 'RESOLUTION',
                state: 'PAUSED',
                targetSeconds: 28800,
                remainingBusinessSeconds: 7200,
                dueAt: null,
                warned: false,
                breached: false,
              },
            ],
          },
          { status: 'PENDING', pendingUntil: '2026-12-08T10:00:00Z' },
        )}
        fetchedAt={Date.now() - 10 * 60_000}
      />,
    );
    const first = screen.getByRole('listitem', { name: 'First response' });
    expect(within(first).getByText('Breached')).toBeInTheDocument();
    expect(within(first).getByText(/^10m business time overdue · due /)).toBeInTheDocument();
    const resolution = screen.getByRole('listitem', { name: 'Resolution' });
    expect(within(resolution).getByText('Paused')).toBeInTheDocument();
    // business time does not tick in the browser: ten minutes after the fetch it still says 2h
    expect(within(resolution).getByText('2h business time left · paused · target 8h')).toBeInTheDocument();
    expect(screen.getByText('Suspension left')).toBeInTheDocument();
  });

  it('says so for a ticket from before policies, and skips clocks it cannot read', () => {
    render(
      <SlaPanel
        ticket={withMetrics({
          policy: null,
          calendar: null,
          metrics: [{ metric: 'SOMETHING_NEW', state: 'RUNNING' }, 'garbage'],
        })}
        fetchedAt={Date.now()}
      />,
    );
    expect(screen.getByTestId('sla-policy')).toHaveTextContent('No SLA policy');
    expect(screen.getByText('No SLA targets for this ticket.')).toBeInTheDocument();
  });
});
