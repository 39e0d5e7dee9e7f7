import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch } from '@/testing/render';
import { ReplyBox } from '@/features/tickets/components/reply-box';

afterEach(() => vi.unstubAllGlobals());

describe('reply box', () => {
  it('adds an internal note and clears the box', async () => {
    const requests = stubFetch(() => ({ status: 201, body: { id: 'm1' } }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    await userEvent.type(screen.getByLabelText('Note (only agents see it)'), 'Customer is a VIP');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() => expect(screen.getByLabelText('Note (only agents see it)')).toHaveValue(''));
    expect(requests).toMatchObject([
      { url: '/api/tickets/7/notes', method: 'POST', body: { body: 'Customer is a VIP', bodyFormat: 'TEXT' } },
    ]);
  });

  it('refuses an empty reply without asking the server', async () => {
    const requests = stubFetch(() => ({ status: 202, body: {} }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(screen.getByText('Write something first.')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("puts the server's message for the body under the field", async () => {
    stubFetch(() => ({ status: 400, body: { status: 400, detail: 'The reply is too long.', field: 'body' } }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.type(screen.getByLabelText('Reply'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('The reply is too long.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
