import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch } from '@/testing/render';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { writeInto } from '@/testing/editor';

afterEach(() => vi.unstubAllGlobals());

const api = () =>
  stubFetch((request) =>
    request.url === '/api/tickets/7/signature'
      ? {
          status: 200,
          body: { agentHtml: '', agentText: 'Cheers,\nJane', mailboxHtml: '', mailboxText: 'Acme Support' },
        }
      : { status: 202, body: { message: { id: 'm1' } } },
  );

const sentReplies = (requests: ReturnType<typeof api>) => requests.filter((r) => r.method === 'POST');

describe('reply box: signature', () => {
  it('previews the signature and footer the reply gets and sends it with them by default', async () => {
    const requests = api();
    renderWithQueries(<ReplyBox number={7} />);
    const preview = await screen.findByRole('note', { name: 'Signature preview' });
    expect(preview).toHaveTextContent('Cheers, Jane Acme Support');
    expect(screen.getByRole('checkbox', { name: 'Add signature' })).toBeChecked();

    await writeInto(screen.getByLabelText('Reply'), 'Fixed.');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    await vi.waitFor(() => expect(sentReplies(requests)).toHaveLength(1));
    expect(sentReplies(requests)[0].body).toMatchObject({ body: '<p>Fixed.</p>', bodyFormat: 'HTML' });
    expect(sentReplies(requests)[0].body).not.toHaveProperty('signature');
  });

  it('sends signature: false when "Add signature" is unticked, and hides the preview', async () => {
    const requests = api();
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Add signature' }));
    expect(screen.queryByRole('note', { name: 'Signature preview' })).not.toBeInTheDocument();

    await writeInto(screen.getByLabelText('Reply'), 'Plain.');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    await vi.waitFor(() => expect(sentReplies(requests)).toHaveLength(1));
    expect(sentReplies(requests)[0]).toMatchObject({
      url: '/api/tickets/7/replies',
      body: { body: '<p>Plain.</p>', bodyFormat: 'HTML', signature: false },
    });
  });

  it('offers no signature on an internal note', async () => {
    api();
    renderWithQueries(<ReplyBox number={7} />);
    await screen.findByRole('checkbox', { name: 'Add signature' });
    await userEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    expect(screen.queryByRole('checkbox', { name: 'Add signature' })).not.toBeInTheDocument();
  });
});
