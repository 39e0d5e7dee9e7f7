import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimilarTicketDto } from '@/api/generated/model';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { similarFillSource } from '@/app/similar-fill';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const SOLVED: SimilarTicketDto = {
  number: 977,
  subject: 'Printer prints blank pages',
  resolution: 'SOLVED',
  closedAt: '2026-10-01T12:00:00Z',
  rank: 0.6,
  reply: {
    messageId: '6f1c3f0e-0000-4000-8000-000000000001',
    text: 'Hi,\n\nplease replace the toner cartridge; the old one was empty.',
    agentId: 7,
    agentName: 'Alice Agent',
    sentAt: '2026-10-01T11:00:00Z',
  },
};
const NO_REPLY: SimilarTicketDto = {
  ...SOLVED,
  number: 912,
  subject: 'Printer blank after toner change',
  reply: null as unknown as SimilarTicketDto['reply'],
};

const server =
  (similar: SimilarTicketDto[]) =>
  (request: RecordedRequest): { status: number; body: unknown } => {
    if (request.url.startsWith('/api/tickets/1042/similar')) return { status: 200, body: similar };
    if (request.url === '/api/tickets/1042') return { status: 200, body: aTicket() };
    if (request.url === '/api/tickets/1042/context')
      return { status: 200, body: { reporterTickets: [], organizationTickets: [], assetTickets: [] } };
    return { status: 200, body: [] };
  };

const renderPage = () =>
  renderWithQueries(
    <TicketDetail number={1042} agents={[{ id: 7, name: 'Alice Agent' }]} fillSource={similarFillSource} />,
  );

describe('similar solved tickets on the ticket page', () => {
  it('lists solved tickets with their replies and fills the reply box with one for review, sending nothing', async () => {
    const requests = stubFetch(server([SOLVED, NO_REPLY]));
    renderPage();

    const panel = await screen.findByRole('region', { name: 'Similar solved tickets' }, SLOW);
    const first = await within(panel).findByRole('listitem', { name: 'Similar ticket #977' }, SLOW);
    expect(within(first).getByRole('link', { name: '#977 Printer prints blank pages' })).toHaveAttribute(
      'href',
      '/tickets/977',
    );
    expect(first).toHaveTextContent('replied by Alice Agent');
    expect(first).toHaveTextContent('please replace the toner cartridge');
    // A ticket solved without a public reply is shown, with nothing to use.
    const second = within(panel).getByRole('listitem', { name: 'Similar ticket #912' });
    expect(second).toHaveTextContent('Solved without a public reply.');
    expect(within(second).queryByRole('button')).toBeNull();
    expect(requests.some((request) => request.url === '/api/tickets/1042/similar?limit=5')).toBe(true);

    await userEvent.click(within(first).getByRole('button', { name: 'Use this reply (#977)' }));

    await waitFor(
      () =>
        expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveTextContent(
          'please replace the toner cartridge; the old one was empty.',
        ),
      SLOW,
    );
    expect(within(panel).getByRole('status')).toHaveTextContent('Filled in the reply of #977');
    // Nothing sent or saved: the page's presence heartbeat (PUT …/presence) changes no ticket.
    expect(requests.filter((request) => request.method !== 'GET' && !request.url.endsWith('/presence'))).toEqual([]);
  });

  it('says so when no solved ticket is alike', async () => {
    stubFetch(server([]));
    renderPage();

    const panel = await screen.findByRole('region', { name: 'Similar solved tickets' }, SLOW);
    expect(await within(panel).findByText('No solved ticket is like this one yet.', {}, SLOW)).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /Use/ })).toBeNull();
  });

  it('shows a failed search as an error, not as an empty list', async () => {
    stubFetch((request) =>
      request.url.startsWith('/api/tickets/1042/similar')
        ? { status: 404, body: { title: 'Not Found', status: 404, detail: 'There is no ticket #1042.' } }
        : server([])(request),
    );
    renderPage();

    const panel = await screen.findByRole('region', { name: 'Similar solved tickets' }, SLOW);
    expect(await within(panel).findByText(/Could not look for similar tickets/, {}, SLOW)).toBeInTheDocument();
    expect(within(panel).queryByText('No solved ticket is like this one yet.')).toBeNull();
  });
});
