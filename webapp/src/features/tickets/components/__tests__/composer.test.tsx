import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { textToHtml } from '@/features/tickets/components/rich-editor';
import { contactEntry, looksLikeAddress } from '@/features/tickets/components/address-field';
import type { ThreadMessage } from '@/components/thread';
import { writeInto } from '@/testing/editor';

afterEach(() => vi.unstubAllGlobals());

const CARLA = {
  id: 5,
  displayName: 'Carla Diaz',
  email: 'carla@acme.example',
  organizationId: 1,
  canSignIn: false,
  portalAccess: false,
  createdAt: '2026-05-01T10:00:00Z',
};

/** Contacts for the suggestions, 202 for a reply. */
const server = (
  reply: (request: RecordedRequest) => { status: number; body: unknown } = () => ({
    status: 202,
    body: { message: { id: 'm1' } },
  }),
) =>
  stubFetch((request) =>
    request.url.startsWith('/api/contacts')
      ? { status: 200, body: request.url.includes('text=car') ? [CARLA] : [] }
      : reply(request),
  );

const replies = (requests: RecordedRequest[]) => requests.filter((r) => r.url === '/api/tickets/7/replies');

describe('the composer', () => {
  it('formats with the toolbar and shortcuts and sends HTML', async () => {
    const requests = server();
    renderWithQueries(<ReplyBox number={7} />);
    const box = screen.getByRole('textbox', { name: 'Reply' });
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    await writeInto(box, 'Restart the router');
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Bulleted list' }));
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Bold' }));
    expect(within(toolbar).getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('{Control>}i{/Control}');
    expect(within(toolbar).getByRole('button', { name: 'Italic' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    await vi.waitFor(() => expect(replies(requests)).toHaveLength(1));
    expect(replies(requests)[0].body).toEqual({
      body: '<ul><li><p><strong><em>Restart the router</em></strong></p></li></ul>',
      bodyFormat: 'HTML',
    });
  });

  it('adds a CC from the contact suggestions and a typed BCC, and shows the server refusing one', async () => {
    const requests = server(() => ({
      status: 400,
      body: { status: 400, detail: 'Not an email address: "x@y"', field: 'bcc[1]' },
    }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.type(screen.getByRole('combobox', { name: 'Cc' }), 'car');
    await userEvent.click(
      await screen.findByRole('option', { name: 'Carla Diaz <carla@acme.example>' }, { timeout: 10_000 }),
    );
    expect(screen.getByRole('button', { name: 'Carla Diaz <carla@acme.example>' })).toBeInTheDocument();
    expect(requests.some((r) => r.url === '/api/contacts?text=car&limit=8')).toBe(true);

    const bcc = screen.getByRole('combobox', { name: 'Bcc' });
    await userEvent.type(bcc, 'audit@acme.example,');
    await userEvent.type(bcc, 'not an address{Enter}');
    expect(screen.getByText('"not an address" is not an email address.')).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole('button', { name: 'not an address' })).getByTestId('CancelIcon'));
    expect(screen.queryByText(/is not an email address/)).not.toBeInTheDocument();
    await userEvent.type(bcc, 'x@y{Enter}');

    await writeInto(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(replies(requests)).toHaveLength(1));
    expect(replies(requests)[0].body).toEqual({
      body: '<p>Hello</p>',
      bodyFormat: 'HTML',
      cc: ['Carla Diaz <carla@acme.example>'],
      bcc: ['audit@acme.example', 'x@y'],
    });
    expect(await screen.findByText('Not an email address: "x@y"')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('folds the quoted previous message, sends it as a blockquote, and leaves it out when removed', async () => {
    const requests = server();
    const previous: ThreadMessage = {
      id: 'q1',
      direction: 'INBOUND',
      fromAddress: 'carla@acme.example',
      occurredAt: '2026-05-01T10:00:00Z',
      bodyText: 'The printer <jams>',
      bodyHtml: '',
    };
    renderWithQueries(<ReplyBox number={7} quoted={previous} />);
    expect(screen.queryByTestId('quoted-text')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show quoted text' }));
    expect(screen.getByTestId('quoted-text')).toHaveTextContent('The printer <jams>');
    await writeInto(screen.getByRole('textbox', { name: 'Reply' }), 'On it');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(replies(requests)).toHaveLength(1));
    const sent = (replies(requests)[0].body as { body: string }).body;
    expect(sent).toMatch(
      /^<p>On it<\/p><p>On .+, carla@acme\.example wrote:<\/p><blockquote><p>The printer &lt;jams&gt;<\/p><\/blockquote>$/,
    );

    await vi.waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveTextContent(/^$/));
    await userEvent.click(screen.getByRole('button', { name: 'Remove quoted text' }));
    expect(screen.queryByRole('button', { name: 'Show quoted text' })).not.toBeInTheDocument();
    await writeInto(screen.getByRole('textbox', { name: 'Reply' }), 'Again');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(replies(requests)).toHaveLength(2));
    expect(replies(requests)[1].body).toEqual({ body: '<p>Again</p>', bodyFormat: 'HTML' });
  });

  it('has no CC, BCC or quote on an internal note', async () => {
    renderWithQueries(
      <ReplyBox
        number={7}
        quoted={{ id: 'q', direction: 'INBOUND', fromAddress: 'c@x.org', occurredAt: '', bodyText: 'x', bodyHtml: '' }}
      />,
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    expect(screen.queryByRole('combobox', { name: 'Cc' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Bcc' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show quoted text' })).not.toBeInTheDocument();
  });
});

describe('composer helpers', () => {
  it("turns a macro's plain text into paragraphs, escaped", () => {
    expect(textToHtml('Hi <Carla>,\n\nline one\nline two\n\n\n')).toBe(
      '<p>Hi &lt;Carla&gt;,</p><p>line one<br>line two</p>',
    );
  });

  it('writes a contact as one address entry and checks entries', () => {
    expect(contactEntry(CARLA)).toBe('Carla Diaz <carla@acme.example>');
    expect(contactEntry({ displayName: 'Doe, Jane', email: 'jane@x.org' })).toBe('"Doe, Jane" <jane@x.org>');
    expect(looksLikeAddress('"Doe, Jane" <jane@x.org>')).toBe(true);
    expect(looksLikeAddress('jane@x')).toBe(false);
    expect(looksLikeAddress('not an address')).toBe(false);
  });
});
