import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
