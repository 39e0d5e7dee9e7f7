import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { ApiTokensPage } from '@/features/tokens/components/api-tokens-page';
import type { ApiTokenDto } from '@/api/generated/model';

afterEach(() => vi.unstubAllGlobals());

const SECRET = 'tdk_abcdefgh' + 'x'.repeat(35);

const token = (overrides: Partial<ApiTokenDto> = {}): ApiTokenDto => ({
  id: 7,
  name: 'CI pipeline',
  kind: 'PERSONAL',
  scopes: ['tickets:read'],
  prefix: 'tdk_abcdefgh',
  ownerId: 3,
  ownerName: 'Alice Agent',
  createdAt: '2026-12-01T10:00:00Z',
  expiresAt: '2027-12-01T10:00:00Z',
  lastUsedAt: '2026-12-05T08:30:00Z',
  lastUsedIp: '10.0.0.7',
  lastUsedAgent: 'curl/8.5.0',
  revokedAt: null,
  active: true,
  ...overrides,
});

const api = (
  overrides: (request: RecordedRequest) => { status: number; body: unknown } | undefined = () => undefined,
) => {
  let tokens = [token()];
  return stubFetch((request) => {
    const answer = overrides(request);
    if (answer) return answer;
    if (request.url === '/api/tokens' && request.method === 'GET') return { status: 200, body: tokens };
    if (request.url === '/api/tokens' && request.method === 'POST') {
      const body = request.body as { name: string; scopes: string[] };
      const created = token({ id: 8, name: body.name, scopes: body.scopes, lastUsedAt: null });
      tokens = [created, ...tokens];
      return { status: 201, body: { token: created, secret: SECRET } };
    }
    if (request.url === '/api/tokens/7' && request.method === 'DELETE') {
      tokens = tokens.map((t) => (t.id === 7 ? { ...t, revokedAt: '2026-12-06T10:00:00Z', active: false } : t));
      return { status: 204, body: undefined };
    }
    return { status: 404, body: { status: 404, detail: `unexpected ${request.method} ${request.url}` } };
  });
};

describe('settings: API tokens', () => {
  it('lists tokens with scopes, prefix and last use, never a secret', async () => {
    api();
    renderWithQueries(<ApiTokensPage isAdmin={false} />);
    const table = await screen.findByRole('table', { name: 'API tokens' });
    const row = within(table).getByRole('row', { name: /CI pipeline/ });
    expect(row).toHaveTextContent('tickets:read');
    expect(row).toHaveTextContent('tdk_abcdefgh…');
    expect(row).toHaveTextContent('10.0.0.7');
    expect(row).toHaveTextContent('curl/8.5.0');
    expect(row).toHaveTextContent('active');
    // agents are not offered the admin scope nor service tokens
    expect(screen.queryByRole('checkbox', { name: /^admin/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Service token/ })).not.toBeInTheDocument();
  });

  it('creates a token with the chosen scopes and shows its secret once, with a copy button', async () => {
    const requests = api();
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderWithQueries(<ApiTokensPage isAdmin />);
    const form = await screen.findByRole('form', { name: 'New API token' });
    await userEvent.type(within(form).getByRole('textbox', { name: /Name/ }), 'Nightly report');
    await userEvent.click(within(form).getByRole('checkbox', { name: /^stats:read/ }));
    await userEvent.click(within(form).getByRole('checkbox', { name: /Service token/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByRole('status', { name: 'New token' });
    expect(within(shown).getByRole('textbox', { name: 'Secret' })).toHaveValue(SECRET);
    expect(requests.filter((r) => r.method === 'POST')).toMatchObject([
      { url: '/api/tokens', body: { name: 'Nightly report', scopes: ['tickets:read', 'stats:read'], service: true } },
    ]);
    await userEvent.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await within(shown).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /Nightly report/ })).toBeInTheDocument();

    await userEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it("puts the server's refusal under the field it names", async () => {
    api((request) =>
      request.method === 'POST'
        ? { status: 422, body: { status: 422, detail: 'The expiry must be in the future.', field: 'expiresAt' } }
        : undefined,
    );
    renderWithQueries(<ApiTokensPage isAdmin={false} />);
    const form = await screen.findByRole('form', { name: 'New API token' });
    await userEvent.type(within(form).getByRole('textbox', { name: /Name/ }), 'Old');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(await within(form).findByText('The expiry must be in the future.')).toBeInTheDocument();
  });

  it('revokes a token after confirming', async () => {
    const requests = api();
    renderWithQueries(<ApiTokensPage isAdmin={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke CI pipeline' }));
    const dialog = await screen.findByRole('dialog', { name: /Revoke/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    await vi.waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.url === '/api/tokens/7')).toBe(true));
    const row = await screen.findByRole('row', { name: /CI pipeline.*revoked/ });
    expect(within(row).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });
});
