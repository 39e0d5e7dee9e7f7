import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '@/app/routes';
import { SessionProvider } from '@/features/auth/components/session';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';

const alice = { id: 3, kind: 'AGENT', role: 'AGENT', displayName: 'Alice Agent', email: 'alice@tempodesk.demo' };
const carla = { id: 1, kind: 'CUSTOMER', role: 'CUSTOMER', displayName: 'Carla Customer', email: 'carla@acme.example' };

/** A backend where nobody is signed in until the right password arrives. */
const backend = (who: typeof alice) => {
  let signedIn = false;
  return (request: RecordedRequest) => {
    const path = request.url.split('?')[0];
    if (path === '/api/auth/csrf') {
      document.cookie = 'XSRF-TOKEN=token-1';
      return { status: 200, body: '' }; // 204 in reality; a stubbed Response cannot have both
    }
    if (path === '/api/auth/login') {
      if ((request.body as { password: string }).password !== 'demo')
        return { status: 401, body: { status: 401, detail: 'Wrong email or password.' } };
      signedIn = true;
      return { status: 200, body: who };
    }
    if (!signedIn) return { status: 401, body: { status: 401 } };
    if (path === '/api/auth/me') return { status: 200, body: who };
    if (path === '/api/notifications') return { status: 200, body: { items: [], unreadCount: 2, nextBefore: null } };
    if (path === '/api/portal/tickets') return { status: 200, body: { items: [], nextCursor: null } };
    if (path === '/api/tickets') return { status: 200, body: { items: [], nextCursor: null } };
    return { status: 200, body: [] };
  };
};

const app = (path: string) =>
  renderWithQueries(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </MemoryRouter>,
  );

const signIn = async (email: string, password: string) => {
  await userEvent.type(await screen.findByLabelText(/^Email/), email);
  await userEvent.type(screen.getByLabelText(/^Password/), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('sign-in', () => {
  it('sends a visitor to the sign-in page, then an agent to the workspace with the CSRF token', async () => {
    const requests = stubFetch(backend(alice));
    app('/');
    await signIn('alice@tempodesk.demo', 'wrong');
    expect(await screen.findByText('Wrong email or password.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText(/^Password/));
    await userEvent.type(screen.getByLabelText(/^Password/), 'demo');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Alice Agent')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
    const logins = requests.filter((request) => request.url === '/api/auth/login');
    expect(logins).toHaveLength(2);
    expect(logins[1].headers.get('X-XSRF-TOKEN')).toBe('token-1');
    // an AGENT sees neither the statistics nor the agents admin
    expect(screen.queryByRole('link', { name: 'Statistics' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Agents' })).not.toBeInTheDocument();
  });

  it('sends a customer to the portal, never to the workspace', async () => {
    stubFetch(backend(carla));
    app('/');
    await signIn('carla@acme.example', 'demo');
    expect(await screen.findByRole('heading', { name: 'My tickets' })).toBeInTheDocument();
    expect(await screen.findByText('You have no tickets yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New ticket' })).not.toBeInTheDocument();
  });
});
