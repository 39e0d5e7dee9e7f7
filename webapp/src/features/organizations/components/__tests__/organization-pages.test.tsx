import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssetDto, ContactDto, OrganizationDto } from '@/api/generated/model';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { OrganizationList } from '@/features/organizations/components/organization-list';
import { OrganizationPage } from '@/features/organizations/components/organization-page';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const ACME: OrganizationDto = {
  id: 4,
  name: 'Acme Networks',
  domain: 'acme.example',
  createdAt: '2026-11-01T08:00:00Z',
};
const GLOBEX: OrganizationDto = { id: 5, name: 'Globex', domain: null as unknown as string, createdAt: ACME.createdAt };
const ROUTER: AssetDto = { id: 11, organizationId: 4, name: 'core-router', kind: 'NETWORK', description: 'Rack 3' };
const CARLA: ContactDto = {
  id: 3,
  email: 'carla@acme.example',
  displayName: 'Carla Customer',
  organizationId: 4,
  portalAccess: true,
  canSignIn: true,
  createdAt: ACME.createdAt,
};

type Answer = { status: number; body: unknown };

const server =
  (write: (request: RecordedRequest) => Answer = ({ body }) => ({ status: 201, body })) =>
  (request: RecordedRequest): Answer => {
    if (request.method !== 'GET') return write(request);
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/api/organizations') {
      const text = url.searchParams.get('text')?.toLowerCase();
      return { status: 200, body: [ACME, GLOBEX].filter((o) => !text || o.name.toLowerCase().includes(text)) };
    }
    if (url.pathname === '/api/organizations/4') return { status: 200, body: ACME };
    if (url.pathname === '/api/organizations/4/assets') return { status: 200, body: [ROUTER] };
    if (url.pathname === '/api/organizations/4/tickets')
      return {
        status: 200,
        body: [
          aTicket({ number: 1050, subject: 'Router down', status: 'NEW' }),
          aTicket({ number: 1001, subject: 'Old question', status: 'CLOSED' }),
        ],
      };
    if (url.pathname === '/api/contacts') return { status: 200, body: [CARLA] };
    return { status: 404, body: { title: 'Not Found' } };
  };

const page = (canEdit: boolean) =>
  renderWithQueries(
    <MemoryRouter>
      <OrganizationPage id={4} canEdit={canEdit} />
    </MemoryRouter>,
  );

describe('organizations', () => {
  it('searches organizations by name and links each to its page', async () => {
    const requests = stubFetch(server());
    renderWithQueries(
      <MemoryRouter>
        <OrganizationList canEdit={false} />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: 'Globex' }, SLOW)).toHaveAttribute('href', '/organizations/5');
    expect(screen.queryByRole('button', { name: 'Add organization' })).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search organizations' }), { target: { value: 'acme' } });

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Globex' })).toBeNull(), SLOW);
    expect(screen.getByRole('link', { name: 'Acme Networks' })).toBeInTheDocument();
    expect(requests.map((request) => request.url)).toContain('/api/organizations?text=acme');
  });

  it('shows an organization’s contacts, assets and tickets, open ones first, read-only for agents', async () => {
    stubFetch(server());
    page(false);

    expect(await screen.findByRole('heading', { name: 'Acme Networks' }, SLOW)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Carla Customer' }, SLOW)).toHaveAttribute('href', '/contacts/3');
    const assets = await screen.findByRole('table', { name: 'Assets' }, SLOW);
    expect(within(assets).getAllByRole('row')[1]).toHaveTextContent('NETWORKcore-routerRack 3');
    const tickets = await screen.findByRole('list', { name: 'Tickets of the organization' }, SLOW);
    const links = within(tickets).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['#1050 Router down', '#1001 Old question']);
    expect(links[0]).toHaveAttribute('href', '/tickets/1050');
    expect(screen.queryByRole('button', { name: /Edit|Add asset|Delete/ })).toBeNull();
  });

  it('lets a manager add, edit and delete assets, sending only what changed', async () => {
    const requests = stubFetch(server(({ method, body }) => ({ status: method === 'DELETE' ? 204 : 200, body })));
    page(true);

    await userEvent.click(await screen.findByRole('button', { name: 'Add asset' }, SLOW));
    const add = screen.getByRole('dialog', { name: 'Add an asset' });
    await userEvent.type(within(add).getByRole('textbox', { name: 'Type' }), 'PRINTER');
    await userEvent.type(within(add).getByRole('textbox', { name: 'Asset name' }), 'Floor 3 printer');
    await userEvent.click(within(add).getByRole('button', { name: 'Add asset' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);

    await userEvent.click(screen.getByRole('button', { name: 'Edit core-router' }));
    const edit = screen.getByRole('dialog', { name: 'Edit core-router' });
    await userEvent.clear(within(edit).getByRole('textbox', { name: 'Details' }));
    await userEvent.type(within(edit).getByRole('textbox', { name: 'Details' }), 'Rack 4');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save asset' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);

    await userEvent.click(screen.getByRole('button', { name: 'Delete core-router' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);

    const writes = requests.filter((request) => request.method !== 'GET');
    expect(writes.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: '/api/organizations/4/assets', body: { kind: 'PRINTER', name: 'Floor 3 printer' } },
      { method: 'PATCH', url: '/api/organizations/4/assets/11', body: { description: 'Rack 4' } },
      { method: 'DELETE', url: '/api/organizations/4/assets/11', body: undefined },
    ]);
  });

  it('shows the server’s refusal on the field it names and keeps an asset tickets name', async () => {
    stubFetch(
      server(({ method }) =>
        method === 'DELETE'
          ? { status: 409, body: { status: 409, field: 'assetId', detail: 'Tickets name asset #11.' } }
          : {
              status: 409,
              body: { status: 409, field: 'name', detail: 'Acme already has an asset named core-router.' },
            },
      ),
    );
    page(true);

    await userEvent.click(await screen.findByRole('button', { name: 'Add asset' }, SLOW));
    const add = screen.getByRole('dialog', { name: 'Add an asset' });
    await userEvent.type(within(add).getByRole('textbox', { name: 'Type' }), 'NETWORK');
    await userEvent.type(within(add).getByRole('textbox', { name: 'Asset name' }), 'core-router');
    await userEvent.click(within(add).getByRole('button', { name: 'Add asset' }));
    expect(await within(add).findByText('Acme already has an asset named core-router.', {}, SLOW)).toBeInTheDocument();
    expect(within(add).getByRole('textbox', { name: 'Asset name' })).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(within(add).getByRole('button', { name: 'Cancel' }));

    await userEvent.click(screen.getByRole('button', { name: 'Delete core-router' }));
    const confirm = screen.getByRole('dialog');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await within(confirm).findByText('Tickets name asset #11.', {}, SLOW)).toBeInTheDocument();
  });

  it('renames an organization from its page', async () => {
    const requests = stubFetch(server(({ body }) => ({ status: 200, body: { ...ACME, ...(body as object) } })));
    page(true);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit organization' }, SLOW));
    const dialog = screen.getByRole('dialog', { name: 'Edit Acme Networks' });
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Acme Corp');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save organization' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(patch).toMatchObject({ url: '/api/organizations/4', body: { name: 'Acme Corp' } });
  });
});
