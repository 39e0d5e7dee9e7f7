import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '@/app/routes';
import { SessionProvider } from '@/features/auth/components/session';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';

const ada = { id: 1, kind: 'AGENT', role: 'ADMIN', displayName: 'Ada Admin', email: 'ada@tempodesk.demo' };

/** A signed-in admin; every list is empty. */
const backend = (request: RecordedRequest) => {
  const path = request.url.split('?')[0];
  if (path === '/api/auth/me') return { status: 200, body: ada };
  if (path === '/api/auth/logout') return { status: 200, body: '' };
  if (path === '/api/notifications') return { status: 200, body: { items: [], unreadCount: 0, nextBefore: null } };
  if (path === '/api/tickets') return { status: 200, body: { items: [], nextCursor: null } };
  return { status: 200, body: [] };
};

/** A window as wide as a phone (390 px: below every `md` query) or as a desktop. */
const screenWidth = (px: number) =>
  vi.stubGlobal('matchMedia', (query: string) => {
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const matches = (!max || px <= Number(max[1])) && (!min || px >= Number(min[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      dispatchEvent: () => false,
    };
  });

const app = (path: string) =>
  renderWithQueries(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </MemoryRouter>,
  );

afterEach(() => vi.unstubAllGlobals());

describe('the header on a phone', () => {
  it('folds the pages into a menu that the keyboard opens, moves through and closes', async () => {
    screenWidth(390);
    stubFetch(backend);
    app('/');
    const menuButton = await screen.findByRole('button', { name: 'Menu' });
    // the pages are not in the bar itself
    expect(screen.queryByRole('link', { name: 'Mailboxes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');

    // Tab reaches the button (after the brand link and the bell), Enter opens the menu
    while (document.activeElement !== menuButton) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Main' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    expect(menuButton).toHaveAttribute('aria-controls', menu.id);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Tickets',
      'New ticket',
      'Mailboxes',
      'Macros',
      'Organizations',
      'Contacts',
      'Statistics',
      'Signatures',
      'API tokens',
      'Agents',
      'SLA policies',
      'Calendars',
      'Groups',
      'Routing',
      'Webhooks',
      'Simulate customer email',
      'Sign outAda Admin',
    ]);
    expect(within(menu).getByRole('menuitem', { name: 'Tickets' })).toHaveAttribute('aria-current', 'page');

    // Escape closes it and gives the focus back
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(menuButton).toHaveAttribute('aria-expanded', 'false'));
    expect(menuButton).toHaveFocus();

    // arrow down to "Mailboxes" and Enter navigates there, closing the menu
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('menu', { name: 'Main' });
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mailboxes' })).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens the demo mail dialog and signs out from the menu', async () => {
    screenWidth(390);
    const requests = stubFetch(backend);
    app('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Menu' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Simulate customer email' }));
    const dialog = await screen.findByRole('dialog', { name: 'Simulate a customer email' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Menu' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /^Sign out/ }));
    await vi.waitFor(() => expect(requests.some((request) => request.url === '/api/auth/logout')).toBe(true));
  });

  it('keeps the daily pages in the bar on a desktop and the rest under Settings', async () => {
    screenWidth(1280);
    stubFetch(backend);
    app('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Tickets', 'New ticket', 'Mailboxes', 'Macros', 'Organizations', 'Contacts', 'Statistics']);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Menu' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Tickets' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();

    const settings = within(nav).getByRole('button', { name: 'Settings' });
    expect(settings).not.toHaveClass('active');
    await userEvent.click(settings);
    const menu = await screen.findByRole('menu', { name: 'Settings' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Signatures', 'API tokens', 'Agents', 'SLA policies', 'Calendars', 'Groups', 'Routing', 'Webhooks']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Calendars' }));
    await vi.waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    expect(within(nav).getByRole('button', { name: 'Settings' })).toHaveClass('active');
  });
});
