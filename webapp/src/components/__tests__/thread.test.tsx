import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Thread, type ThreadMessage } from '@/components/thread';

const failedReply: ThreadMessage = {
  id: 'm-9',
  direction: 'OUTBOUND',
  fromAddress: 'support@tempodesk.demo',
  occurredAt: '2026-11-22T10:00:00Z',
  bodyText: 'We replaced the router.',
  bodyHtml: undefined as unknown as string,
  visibility: 'PUBLIC',
  deliveryStatus: 'FAILED',
  deliveryError: 'Nylas HTTP 400: invalid recipient',
};

describe('thread', () => {
  it('says why a reply was not sent and sends it again on request', async () => {
    const retry = vi.fn();
    render(<Thread messages={[failedReply]} retry={{ retry }} />);
    expect(screen.getByText('Not sent: Nylas HTTP 400: invalid recipient')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send again' }));
    expect(retry).toHaveBeenCalledWith('m-9');
  });

  it('offers no resend where the viewer cannot send (the portal)', () => {
    render(<Thread messages={[failedReply]} />);
    expect(screen.queryByRole('button', { name: 'Send again' })).not.toBeInTheDocument();
  });

  it('offers no resend for a reply still queued or sent', () => {
    render(<Thread messages={[{ ...failedReply, deliveryStatus: 'QUEUED' }]} retry={{ retry: vi.fn() }} />);
    expect(screen.getByText('QUEUED')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send again' })).not.toBeInTheDocument();
  });

  it("shows a reply's CC and, to agents, its BCC", () => {
    const sent = { ...failedReply, deliveryStatus: 'SENT', ccAddresses: 'Kim <kim@x.org>' };
    const { rerender } = render(<Thread messages={[{ ...sent, bccAddresses: 'audit@x.org' }]} />);
    expect(screen.getByTestId('message-cc')).toHaveTextContent('Cc: Kim <kim@x.org>');
    expect(screen.getByTestId('message-bcc')).toHaveTextContent('Bcc: audit@x.org');
    rerender(<Thread messages={[sent]} />);
    expect(screen.queryByTestId('message-bcc')).not.toBeInTheDocument();
  });
});
