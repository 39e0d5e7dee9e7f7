import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { SignaturesPage } from '@/features/signatures/components/signatures-page';

afterEach(() => vi.unstubAllGlobals());

const api = (
  overrides: (request: RecordedRequest) => { status: number; body: unknown } | undefined = () => undefined,
) =>
  stubFetch((request) => {
    const answer = overrides(request);
    if (answer) return answer;
    if (request.url === '/api/me/signature' && request.method === 'GET')
      return { status: 200, body: { html: 'Cheers,<br>\n<b>{{agent.name}}</b>', text: 'Cheers,\n{{agent.name}}' } };
    if (request.url === '/api/me/signature' && request.method === 'PUT')
      return { status: 200, body: { html: (request.body as { html: string }).html, text: '' } };
    if (request.url === '/api/macros/placeholders')
      return { status: 200, body: [{ name: 'agent.name', description: 'The agent' }] };
    if (request.url === '/api/mailboxes')
      return { status: 200, body: [{ id: 3, email: 'help@acme.example', active: true, sync: { status: 'UP' } }] };
    if (request.url === '/api/mailboxes/3/signature' && request.method === 'GET')
      return { status: 200, body: { html: '<i>Acme</i>', text: 'Acme' } };
    if (request.url === '/api/mailboxes/3/signature') return { status: 200, body: { html: '', text: '' } };
    return { status: 404, body: { status: 404, detail: `unexpected ${request.url}` } };
  });

describe('settings: signatures', () => {
  it("shows the agent's signature with a live preview and saves the edited one", async () => {
    const requests = api();
    renderWithQueries(<SignaturesPage canEditMailboxes={false} />);
    const field = await screen.findByRole('textbox', { name: 'My signature' });
    expect(field).toHaveValue('Cheers,<br>\n<b>{{agent.name}}</b>');
    const preview = screen.getByRole('region', { name: 'My signature preview' });
    expect(within(preview).getByText('{{agent.name}}').tagName).toBe('B');

    await userEvent.clear(field);
    await userEvent.type(field, 'Best,{enter}<i>Jane</i>');
    expect(within(preview).getByText('Jane').tagName).toBe('I');
    expect(preview.querySelector('br')).not.toBeNull(); // the typed line break
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PUT')).toMatchObject([
      { url: '/api/me/signature', body: { html: 'Best,\n<i>Jane</i>' } },
    ]);
    expect(screen.queryByRole('textbox', { name: /Footer of/ })).not.toBeInTheDocument();
  });

  it("puts the server's refusal under the field", async () => {
    api((request) =>
      request.method === 'PUT'
        ? { status: 422, body: { status: 422, detail: 'Unknown placeholder {{agent.shoe}}', field: 'html' } }
        : undefined,
    );
    renderWithQueries(<SignaturesPage canEditMailboxes={false} />);
    const field = await screen.findByRole('textbox', { name: 'My signature' });
    await userEvent.type(field, ' {{{{agent.shoe}}');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Unknown placeholder {{agent.shoe}}')).toBeInTheDocument();
  });

  it("lets admins edit each mailbox's footer", async () => {
    const requests = api();
    renderWithQueries(<SignaturesPage canEditMailboxes />);
    const footer = await screen.findByRole('textbox', { name: 'Footer of help@acme.example' });
    expect(footer).toHaveValue('<i>Acme</i>');
    await userEvent.clear(footer);
    const form = screen.getByRole('form', { name: 'Footer of help@acme.example' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(requests.filter((r) => r.method === 'PUT')).toMatchObject([
        { url: '/api/mailboxes/3/signature', body: { html: '' } },
      ]),
    );
  });
});
