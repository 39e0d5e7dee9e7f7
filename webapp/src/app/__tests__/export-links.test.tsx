import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatsDashboard } from '@/features/stats/components/stats-dashboard';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { aTicket } from '@/testing/tickets';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const server = (request: RecordedRequest) => {
  if (request.url.startsWith('/api/tickets?')) return { status: 200, body: { items: [aTicket()], nextCursor: null } };
  if (request.url === '/api/tickets/1042') return { status: 200, body: aTicket() };
  if (request.url === '/api/tickets/1042/context')
    return { status: 200, body: { reporterTickets: [], organizationTickets: [], assetTickets: [] } };
  if (request.url.startsWith('/api/stats/summary'))
    return {
      status: 200,
      body: { from: '', to: '', hoursComputed: 0, created: 0, closed: 0, compliance: [], mostEfficientDefinition: '' },
    };
  if (request.url.startsWith('/api/stats/hourly')) return { status: 200, body: { from: '', to: '', hours: [] } };
  if (request.url.startsWith('/api/stats/agents'))
    return { status: 200, body: { from: '', to: '', agents: [], compliance: [], mostEfficientDefinition: '' } };
  if (request.url.startsWith('/api/stats/tags')) return { status: 200, body: { from: '', to: '', tags: [] } };
  return { status: 200, body: [] };
};

describe('export links', () => {
  it('exports the ticket list with the filters in use, without the page size', async () => {
    stubFetch(server);
    renderWithQueries(
      <MemoryRouter initialEntries={['/?status=NEW&status=PENDING&tag=vip&text=printer&includeDone=true']}>
        <TicketList />
      </MemoryRouter>,
    );
    const link = await screen.findByRole('link', { name: 'Export CSV' });
    expect(link).toHaveAttribute('download');
    const href = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/api/tickets/export');
    expect(href.searchParams.getAll('status')).toEqual(['NEW', 'PENDING']);
    expect(href.searchParams.getAll('tag')).toEqual(['vip']);
    expect(href.searchParams.get('text')).toBe('printer');
    expect(href.searchParams.get('includeDone')).toBe('true');
    expect(href.searchParams.has('limit')).toBe(false);
  });

  it('downloads a ticket as JSON from its page', async () => {
    stubFetch(server);
    renderWithQueries(<TicketDetail number={1042} agents={[]} />);
    const link = await screen.findByRole('link', { name: 'Download JSON' }, SLOW);
    expect(link).toHaveAttribute('href', '/api/tickets/1042/export');
    expect(link).toHaveAttribute('download');
  });

  it('exports the statistics of the range shown', async () => {
    stubFetch(server);
    renderWithQueries(<StatsDashboard />);
    const link = await screen.findByRole('link', { name: 'Export CSV' });
    const href = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/api/stats/export');
    const from = Date.parse(href.searchParams.get('from')!);
    const to = Date.parse(href.searchParams.get('to')!);
    expect(to - from).toBe(24 * 3600 * 1000);
    expect(to % 3_600_000).toBe(0);
  });
});
