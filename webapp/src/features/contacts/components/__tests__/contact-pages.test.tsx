import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactDto, OrganizationDto } from '@/api/generated/model';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { ContactList } from '@/features/contacts/components/contact-list';
import { ContactPage } from '@/features/contacts/components/contact-page';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const ACME: OrganizationDto = {
  id: 4,
  name: 'Acme Networks',
  domain: 'acme.example',
  createdAt: '2026-11-01T08:00:00Z',
};
const GLOBEX: OrganizationDto = { ...ACME, id: 5, name: 'Globex' };
const CARLA: ContactDto = {
  id: 3,
  email: 'carla@acme.example',
  displayName: 'Carla Customer',
  organizationId: 4,
  portalAccess: false,
  canSignIn: false,
  createdAt: ACME.createdAt,
};
const WALK_IN: ContactDto = {
  ...CARLA,
  id: 9,
  email: 'walk-in@example.org',
  displayName: 'Walk In',
  organizationId: null as unknown as number,
};

type Answer = { status: number; body: unknown };

const server =
  (
    write: (request: RecordedRequest) => Answer = ({ body }) => ({
      status: 200,
      body: { ...CARLA, ...(body as object) },
    }),
  ) =>
  (request: RecordedRequest): Answer => {
    if (request.method !== 'GET') return write(request);
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/api/contacts') {
      const text = url.searchParams.get('text')?.toLowerCase();
      return { status: 200, body: [CARLA, WALK_IN].filter((c) => !text || c.displayName.toLowerCase().includes(text)) };
    }
    if (url.pathname === '/api/contacts/3') return { status: 200, body: CARLA };
    if (url.pathname === '/api/organizations') return { status: 200, body: [ACME, GLOBEX] };
    if (url.pathname === '/api/contacts/3/portal-invitations') return { status: 200, body: [] };
    if (url.pathname === '/api/customers/3/tickets')
      return { status: 200, body: { items: [aTicket({ number: 1050, subject: 'Router down' })], nextCursor: null } };
    return { status: 404, body: { title: 'Not Found' } };
  };

const page = (canEdit: boolean) =>
  renderWithQueries(
    <MemoryRouter>
      <ContactPage id={3} canEdit={canEdit} />
    </MemoryRouter>,
  );

describe('contacts', () => {
  it('searches contacts and shows each one’s organization', async () => {
    const requests = stubFetch(server());
    renderWithQueries(
      <MemoryRouter>
        <ContactList />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Contacts' }, SLOW);
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Acme Networks'), SLOW);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'walk' } });

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Carla Customer' })).toBeNull(), SLOW);
    expect(screen.getByRole('link', { name: 'Walk In' })).toHaveAttribute('href', '/contacts/9');
    expect(requests.map((request) => request.url)).toContain('/api/contacts?text=walk');
  });

  it('shows a contact’s organization and tickets, read-only for agents', async () => {
    stubFetch(server());
    page(false);

    expect(await screen.findByRole('heading', { name: 'Carla Customer' }, SLOW)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Acme Networks' }, SLOW)).toHaveAttribute(
      'href',
      '/organizations/4',
    );
    expect(await screen.findByRole('link', { name: '#1050 Router down' }, SLOW)).toHaveAttribute(
      'href',
      '/tickets/1050',
    );
    expect(screen.queryByRole('button', { name: /Edit|Save/ })).toBeNull();
  });

  it('edits a contact’s name, address and organization, sending only what changed', async () => {
    const requests = stubFetch(server());
    page(true);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit contact' }, SLOW));
    const dialog = screen.getByRole('dialog', { name: 'Edit Carla Customer' });
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Email' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'carla@globex.example');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Organization' }));
    await userEvent.click(screen.getByRole('option', { name: 'Globex' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save contact' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    expect(requests.find((request) => request.method === 'PATCH')).toMatchObject({
      url: '/api/contacts/3',
      body: { email: 'carla@globex.example', organizationId: 5 },
    });
  });

  it('opens the portal with a password and shows a refused password on its field', async () => {
    let attempts = 0;
    const requests = stubFetch(
      server(({ body }) =>
        attempts++ === 0
          ? { status: 422, body: { status: 422, field: 'password', detail: 'At least 10 characters.' } }
          : { status: 200, body: { ...CARLA, portalAccess: true, canSignIn: true, ...(body as object) } },
      ),
    );
    page(true);

    await userEvent.click(await screen.findByRole('switch', { name: 'Portal access' }, SLOW));
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Save access' }));
    expect(await screen.findByText('At least 10 characters.', {}, SLOW)).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'long enough pass');
    await userEvent.click(screen.getByRole('button', { name: 'Save access' }));
    expect(await screen.findByText('Portal access saved.', {}, SLOW)).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PUT').map((request) => request.body)).toEqual([
      { enabled: true, password: 'short' },
      { enabled: true, password: 'long enough pass' },
    ]);
  });

  it('merges the contact into another one picked from a search and shows the tickets moving', async () => {
    const merge = {
      id: 7,
      survivorId: 9,
      mergedId: 3,
      status: 'RUNNING',
      comment: 'Merged contact Carla Customer <carla@acme.example> into Walk In <walk-in@example.org>',
      ticketsTotal: 1,
      ticketsLeft: 1,
      failures: [],
      startedAt: ACME.createdAt,
    };
    const requests = stubFetch((request) => {
      if (request.method === 'POST') return { status: 202, body: merge };
      if (request.url === '/api/contacts/9/merges')
        return { status: 200, body: [{ ...merge, status: 'DONE', ticketsLeft: 0 }] };
      return server()(request);
    });
    page(true);

    await userEvent.click(await screen.findByRole('button', { name: 'Merge into another contact…' }, SLOW));
    const dialog = screen.getByRole('dialog', { name: 'Merge Carla Customer into another contact' });
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'walk' } });
    await waitFor(
      () => expect(requests.map((request) => request.url)).toContain('/api/contacts?text=walk&limit=20'),
      SLOW,
    );
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Merge into' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Walk In <walk-in@example.org>' }, SLOW));
    expect(within(dialog).getByText(/gains carla@acme\.example as another address, 1 ticket\(s\)/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));

    expect(await within(dialog).findByText('Merged: 1 ticket(s) moved.', {}, SLOW)).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')).toMatchObject({
      url: '/api/contacts/9/merge',
      body: { contactId: 3 },
    });
    expect(within(dialog).getByRole('link', { name: 'Open Walk In' })).toHaveAttribute('href', '/contacts/9');
  });

  it('mails a portal invitation and shows when it was sent', async () => {
    let sent = false;
    const invitation = {
      id: 1,
      contactId: 3,
      sentAt: '2026-12-06T10:00:00Z',
      expiresAt: '2999-12-13T10:00:00Z',
    };
    const requests = stubFetch((request) => {
      if (request.method === 'POST') {
        sent = true;
        return { status: 201, body: invitation };
      }
      if (request.url === '/api/contacts/3/portal-invitations') return { status: 200, body: sent ? [invitation] : [] };
      return server()(request);
    });
    page(true);

    expect(await screen.findByText('No invitation sent.', {}, SLOW)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send portal invitation' }));

    expect(await screen.findByText('Invitation mailed.', {}, SLOW)).toBeInTheDocument();
    expect(await screen.findByText(/^Invitation sent .*, valid until/, {}, SLOW)).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.url)).toEqual([
      '/api/contacts/3/portal-invitation',
    ]);
  });
});
