import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getListTicketMessagesQueryKey } from '@/api/generated/endpoints/tickets/tickets';
import { stubFetch, type RecordedRequest } from '@/testing/render';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { writeInto } from '@/testing/editor';

afterEach(() => vi.unstubAllGlobals());

const collision = {
  status: 409,
  body: {
    type: 'urn:tempodesk:problem:reply-collision',
    title: 'Someone else replied',
    status: 409,
    detail: 'Max Manager replied to the customer after you started writing.',
    field: 'seenUpTo',
    newerReplies: [
      {
        id: 'r9',
        authorAgentId: 2,
        authorName: 'Max Manager',
        occurredAt: '2026-12-06T10:00:00Z',
        deliveryStatus: 'QUEUED',
        excerpt: 'We replaced the toner.',
      },
    ],
  },
};

/** The reply box on a ticket whose thread (m1, m2) the page has loaded. */
const renderOnThread = () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(getListTicketMessagesQueryKey(7), [{ id: 'm1' }, { id: 'm2' }]);
  render(
    <QueryClientProvider client={client}>
      <ReplyBox number={7} />
    </QueryClientProvider>,
  );
};

const replies = (requests: RecordedRequest[]) => requests.filter((request) => request.url === '/api/tickets/7/replies');

/** The reply box also reads the signature it will append: an empty one here. */
const answerPosts = (post: () => { status: number; body: unknown }) =>
  stubFetch((request) =>
    request.method === 'GET' ? { status: 200, body: { agentText: '', mailboxText: '' } } : post(),
  );

describe('reply collision', () => {
  it('sends what the agent had seen, shows the newer reply on a 409 and sends anyway when confirmed', async () => {
    let answers = 0;
    const requests = answerPosts(() =>
      answers++ === 0 ? collision : { status: 202, body: { message: { id: 'm3' } } },
    );
    renderOnThread();
    await writeInto(screen.getByLabelText('Reply'), 'Please restart it.');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else replied' });
    expect(within(dialog).getByText('We replaced the toner.')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Max Manager/)).toBeInTheDocument();
    expect(replies(requests)[0]).toMatchObject({
      method: 'POST',
      body: { body: '<p>Please restart it.</p>', seenUpTo: 'm2' },
    });
    expect(replies(requests)[0].body).not.toHaveProperty('sendAnyway');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Send anyway' }));
    await vi.waitFor(() => expect(screen.getByLabelText('Reply')).toHaveTextContent(/^$/));
    expect(replies(requests)).toHaveLength(2);
    expect(replies(requests)[1].body).toEqual({
      body: '<p>Please restart it.</p>',
      bodyFormat: 'HTML',
      seenUpTo: 'm2',
      sendAnyway: true,
    });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('keeps the draft on cancel and counts the newer reply as seen for the next send', async () => {
    let answers = 0;
    const requests = answerPosts(() =>
      answers++ === 0 ? collision : { status: 202, body: { message: { id: 'm3' } } },
    );
    renderOnThread();
    await writeInto(screen.getByLabelText('Reply'), 'Please restart it.');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else replied' });

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Reply')).toHaveTextContent('Please restart it.');
    expect(replies(requests)).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(replies(requests)).toHaveLength(2));
    expect(replies(requests)[1].body).toEqual({
      body: '<p>Please restart it.</p>',
      bodyFormat: 'HTML',
      seenUpTo: 'r9',
    });
  });

  it('does not put seenUpTo on a note', async () => {
    const requests = answerPosts(() => ({ status: 201, body: { id: 'n1' } }));
    renderOnThread();
    await userEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    await writeInto(screen.getByLabelText('Note (only agents see it)'), 'VIP');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const notes = () => requests.filter((request) => request.url === '/api/tickets/7/notes');
    await vi.waitFor(() => expect(notes()).toHaveLength(1));
    expect(notes()[0].body).toEqual({ body: '<p>VIP</p>', bodyFormat: 'HTML' });
  });
});
