import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { QuarantineList } from '@/features/mailboxes/components/quarantine-list';

afterEach(() => vi.unstubAllGlobals());

const HELD = {
  providerMessageId: 'AAMkAGI2/TQ+x=',
  providerThreadId: 'thr-1',
  subject: 'Printer on fire',
  sender: 'Dana <"q z"@example.org>',
  error: 'PSQLException 23514: ERROR: new row for relation "contacts" violates check constraint',
  attempts: 3,
  status: 'QUARANTINED',
  firstTriedAt: '2026-12-06T04:00:00Z',
  lastTriedAt: '2026-12-06T04:00:30Z',
};

/** The list answers with the held message until a retry succeeded. */
const server = (retry: (request: RecordedRequest) => { status: number; body: unknown }) => {
  let resolved = false;
  return stubFetch((request) => {
    if (request.method === 'POST') {
      const answer = retry(request);
      resolved = answer.status === 200;
      return answer;
    }
    return { status: 200, body: resolved ? [] : [HELD] };
  });
};

describe('quarantine list', () => {
  it('shows the held message with its sender as received and reason', async () => {
    server(() => ({ status: 200, body: { ticketNumber: 1001 } }));
    renderWithQueries(<QuarantineList mailboxId={4} mailboxEmail="help@acme.example" />);
    const table = await screen.findByRole('table', { name: 'Quarantined messages of help@acme.example' });
    const row = within(table).getByText('Printer on fire').closest('tr')!;
    expect(within(row).getByText('Dana <"q z"@example.org>')).toBeInTheDocument();
    expect(within(row).getByText(/violates check constraint/)).toBeInTheDocument();
    expect(within(row).getByText('Held after 3 tries')).toBeInTheDocument();
  });

  it('tries again with the id as one encoded path segment and names the ticket', async () => {
    const requests = server(() => ({ status: 200, body: { ticketNumber: 1001 } }));
    renderWithQueries(<QuarantineList mailboxId={4} mailboxEmail="help@acme.example" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('status')).toHaveTextContent('is now part of ticket #1001');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.url).toBe('/api/mailboxes/4/quarantine/AAMkAGI2%2FTQ%2Bx%3D/retry');
    expect(post.body).toBeUndefined();
  });

  it('sends the sender picked by hand', async () => {
    const requests = server(() => ({ status: 200, body: { ticketNumber: 1002 } }));
    renderWithQueries(<QuarantineList mailboxId={4} mailboxEmail="help@acme.example" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Pick sender…' }));
    await userEvent.type(screen.getByLabelText(/Sender email/), 'dana@example.org');
    await userEvent.type(screen.getByLabelText('Sender name'), 'Dana');
    await userEvent.click(screen.getByRole('button', { name: 'Try again with this sender' }));
    expect(await screen.findByRole('status')).toHaveTextContent('ticket #1002');
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      fromEmail: 'dana@example.org',
      fromName: 'Dana',
    });
  });

  it('shows the error when the message fails again', async () => {
    server(() => ({
      status: 422,
      body: { status: 422, title: 'The message could not be ingested', detail: 'index row size 8032 exceeds maximum' },
    }));
    renderWithQueries(<QuarantineList mailboxId={4} mailboxEmail="help@acme.example" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Still failing: index row size 8032 exceeds maximum');
    expect(screen.getByText('Printer on fire')).toBeInTheDocument();
  });
});
