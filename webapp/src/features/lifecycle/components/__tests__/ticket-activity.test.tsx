import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TicketActivity } from '@/features/lifecycle/components/ticket-activity';
import { LifecycleDialog } from '@/features/lifecycle/components/lifecycle-dialog';
import type { LifecyclePage } from '@/features/lifecycle/api/lifecycle';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';

const NEWEST: LifecyclePage = {
  workflowId: 'ticket-1042',
  temporalUiUrl: 'http://localhost:8233/namespaces/default/workflows/ticket-1042/run-2/history',
  entries: [
    {
      at: '2026-11-22T10:09:00Z',
      kind: 'TIMER_FIRED',
      title: 'Timer fired: end of the pending time, then the ticket goes back to work',
      detail: 'Due 2026-11-22T10:09:00Z',
      runId: 'run-2',
      eventId: 40,
    },
    {
      at: '2026-11-22T10:07:00Z',
      kind: 'UPDATE_APPLIED',
      title: 'Change by Max: status NEW → PENDING',
      detail: 'Update update',
      runId: 'run-2',
      eventId: 31,
    },
  ],
  nextPageToken: 'older',
};

const OLDER: LifecyclePage = {
  workflowId: 'ticket-1042',
  temporalUiUrl: NEWEST.temporalUiUrl,
  entries: [
    {
      at: '2026-11-22T10:03:00Z',
      kind: 'ACTIVITY_FAILED',
      title: 'Send the reply by mail',
      detail: 'Failed after 3 attempts: Nylas answered 503',
      runId: 'run-1',
      eventId: 12,
    },
  ],
  nextPageToken: null,
};

const server = () => (request: RecordedRequest) => {
  if (request.url.startsWith('/api/tickets/1042/lifecycle') || request.url.startsWith('/api/assignment/lifecycle'))
    return { status: 200, body: request.url.includes('pageToken=older') ? OLDER : NEWEST };
  return { status: 404, body: { title: 'Not Found', status: 404 } };
};

afterEach(() => vi.unstubAllGlobals());

describe('the Activity tab', () => {
  it('shows a manager the workflow in plain words, newest first, with older pages and the Temporal UI', async () => {
    const requests = stubFetch(server());
    renderWithQueries(<TicketActivity number={1042} />);

    fireEvent.click(await screen.findByRole('tab', { name: 'Activity' }));

    const entries = await screen.findAllByTestId('lifecycle-entry');
    expect(entries.map((entry) => entry.getAttribute('data-kind'))).toEqual(['TIMER_FIRED', 'UPDATE_APPLIED']);
    expect(entries[0]).toHaveTextContent('Timer fired: end of the pending time, then the ticket goes back to work');
    expect(entries[1]).toHaveTextContent('Update applied');
    expect(screen.getByRole('link', { name: 'Open in Temporal UI' })).toHaveAttribute(
      'href',
      'http://localhost:8233/namespaces/default/workflows/ticket-1042/run-2/history',
    );
    expect(requests.some((r) => r.url === '/api/tickets/1042/lifecycle?size=50')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Older entries' }));

    expect(await screen.findByText('Failed after 3 attempts: Nylas answered 503')).toBeInTheDocument();
    expect(screen.getAllByTestId('lifecycle-entry')).toHaveLength(3);
    expect(requests.some((r) => r.url.endsWith('pageToken=older'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Older entries' })).not.toBeInTheDocument();
  });

  it('reads nothing from Temporal until the tab is opened, and closes again', async () => {
    const requests = stubFetch(server());
    renderWithQueries(<TicketActivity number={1042} />);
    const tab = screen.getByRole('tab', { name: 'Activity' });
    expect(requests).toEqual([]);

    fireEvent.click(tab);
    await screen.findAllByTestId('lifecycle-entry');
    fireEvent.click(tab);

    expect(screen.queryByTestId('lifecycle-entry')).not.toBeInTheDocument();
    expect(screen.queryByRole('tabpanel')).not.toBeInTheDocument();
  });
});

describe('the lifecycle dialog', () => {
  it('reads the assigner lifecycle only once opened', async () => {
    const requests = stubFetch(server());
    renderWithQueries(<LifecycleDialog path="/api/assignment/lifecycle" title="Auto-assigner lifecycle" />);
    expect(requests).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Lifecycle' }));

    expect(await screen.findByRole('dialog', { name: 'Auto-assigner lifecycle' })).toBeInTheDocument();
    expect(await screen.findAllByTestId('lifecycle-entry')).toHaveLength(2);
  });
});
