import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch } from '@/testing/render';
import { InvitationPage } from '@/features/portal/components/invitation-page';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };
const DORA = { id: 12, kind: 'CONTACT', role: 'CUSTOMER', displayName: 'Dora', email: 'dora@acme.example' };

const open = (onSignedIn = vi.fn()) => {
  renderWithQueries(
    <MemoryRouter>
      <InvitationPage token="tok" onSignedIn={onSignedIn} />
    </MemoryRouter>,
  );
  return onSignedIn;
};

describe('portal invitation page', () => {
  it('sets the password, shows a refused one on its field and signs the contact in', async () => {
    let attempts = 0;
    const requests = stubFetch((request) => {
      if (request.method === 'GET' && request.url === '/api/auth/invitations/tok')
        return { status: 200, body: { contactId: 12, displayName: 'Dora', email: DORA.email } };
      if (request.method === 'GET') return { status: 200, body: {} };
      return attempts++ === 0
        ? { status: 422, body: { status: 422, field: 'password', detail: 'At least 10 characters.' } }
        : { status: 200, body: DORA };
    });
    const signedIn = open();

    expect(await screen.findByText('Welcome, Dora. Choose a password for dora@acme.example.', {}, SLOW)).toBeVisible();
    await userEvent.type(screen.getByLabelText(/New password/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText('At least 10 characters.', {}, SLOW)).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText(/New password/));
    await userEvent.type(screen.getByLabelText(/New password/), 'long enough pass');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));

    await vi.waitFor(() => expect(signedIn).toHaveBeenCalledWith(DORA), SLOW);
    expect(
      requests
        .filter((request) => request.url === '/api/auth/invitations/tok' && request.method === 'POST')
        .map((r) => r.body),
    ).toEqual([{ password: 'short' }, { password: 'long enough pass' }]);
  });

  it('says why a used link no longer works and points to the sign-in', async () => {
    stubFetch(() => ({
      status: 409,
      body: {
        status: 409,
        field: 'token',
        detail: 'This invitation link was used already: sign in with your password.',
      },
    }));
    open();

    expect(
      await screen.findByText('This invitation link was used already: sign in with your password.', {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/login');
    expect(screen.queryByRole('button', { name: 'Set password and sign in' })).toBeNull();
  });
});
