import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch } from '@/testing/render';
import { CustomerContext } from '@/features/tickets/components/customer-context';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const TICKET = aTicket({
  number: 1042,
  reporterId: 3,
  reporterName: 'Carla Customer',
  organizationId: 4,
  organizationName: 'Acme Networks',
  assetId: 11,
  assetName: 'core-router',
});

const show = (ticket = TICKET) =>
  renderWithQueries(
    <MemoryRouter>
      <CustomerContext ticket={ticket} />
    </MemoryRouter>,
  );

const names = (list: HTMLElement) =>
  within(list)
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('customer context on the ticket page', () => {
  it('links the reporter’s other tickets, the organization’s open ones and the asset’s history', async () => {
    const requests = stubFetch(() => ({
      status: 200,
      body: {
        reporterTickets: [
          aTicket({ number: 1050, subject: 'VPN drops', status: 'OPEN' }),
          aTicket({ number: 1001, subject: 'Old question', status: 'CLOSED' }),
        ],
        organizationTickets: [
          aTicket({ number: 1050, subject: 'VPN drops', status: 'OPEN' }),
          aTicket({ number: 1049, subject: 'Printer', status: 'NEW', reporterName: 'Dan Dev' }),
          aTicket({ number: 1001, subject: 'Old question', status: 'CLOSED' }),
        ],
        assetTickets: [aTicket({ number: 990, subject: 'Router reboot', status: 'CLOSED' })],
      },
    }));
    show();

    const reporter = await screen.findByRole('list', { name: 'Other tickets of the reporter' }, SLOW);
    expect(names(reporter)).toEqual(['#1050 VPN drops', '#1001 Old question']);
    expect(within(reporter).getAllByRole('link')[0]).toHaveAttribute('href', '/tickets/1050');
    // Only the open ones of the organization.
    expect(names(screen.getByRole('list', { name: 'Open tickets of the organization' }))).toEqual([
      '#1050 VPN drops',
      '#1049 Printer',
    ]);
    expect(names(screen.getByRole('list', { name: 'Other tickets about the asset' }))).toEqual(['#990 Router reboot']);
    expect(screen.getByRole('heading', { name: 'History of core-router' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Carla Customer' })).toHaveAttribute('href', '/contacts/3');
    expect(screen.getByRole('link', { name: 'Acme Networks' })).toHaveAttribute('href', '/organizations/4');
    expect(requests.map((request) => request.url)).toEqual(['/api/tickets/1042/context']);
  });

  it('says so when the reporter has no other ticket, and leaves out organization and asset parts it lacks', async () => {
    stubFetch(() => ({ status: 200, body: { reporterTickets: [], organizationTickets: [], assetTickets: [] } }));
    show(aTicket({ number: 1042 }));

    expect(await screen.findByText('None: this is their first ticket.', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Open tickets of/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /History of/ })).toBeNull();
  });
});
