import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Thread, type ThreadMessage } from '@/components/thread';

const mail = (attachments: ThreadMessage['attachments']): ThreadMessage => ({
  id: 'm-1',
  direction: 'INBOUND',
  fromAddress: 'carla@acme.example',
  occurredAt: '2026-11-22T10:00:00Z',
  bodyText: 'Logs attached.',
  bodyHtml: undefined as unknown as string,
  attachments,
});

const file = (over: Partial<NonNullable<ThreadMessage['attachments']>[number]>) => ({
  id: 'a-1',
  filename: 'router.log',
  contentType: 'text/plain',
  size: 2048,
  inline: false,
  state: 'STORED',
  ...over,
});

describe('attachments in the thread', () => {
  it('shows a stored file as a chip with name, type and size that downloads it', () => {
    render(<Thread messages={[mail([file({})])]} />);
    const chip = screen.getByRole('link', { name: /^Download router\.log/ });
    expect(chip).toHaveAttribute('href', '/api/attachments/a-1');
    expect(chip).toHaveTextContent('router.log · text/plain · 2.0 KB');
  });

  it('previews a stored image inline and links it for download', () => {
    render(<Thread messages={[mail([file({ id: 'a-2', filename: 'photo.png', contentType: 'image/png' })])]} />);
    const image = screen.getByRole('img', { name: 'photo.png' });
    expect(image).toHaveAttribute('src', '/api/attachments/a-2?inline=true');
    expect(image.closest('a')).toHaveAttribute('href', '/api/attachments/a-2');
  });

  it('does not repeat an inline image the body shows already', () => {
    render(<Thread messages={[mail([file({ contentType: 'image/png', inline: true, contentId: 'logo' })])]} />);
    expect(screen.queryByRole('list', { name: 'Attachments' })).not.toBeInTheDocument();
  });

  it('says a file is still downloading, or was not kept and why', () => {
    render(
      <Thread
        messages={[
          mail([
            file({ id: 'a-3', filename: 'big.iso', state: 'PENDING' }),
            file({ id: 'a-4', filename: 'setup.exe', state: 'REFUSED', reason: 'executables are not accepted' }),
          ]),
        ]}
      />,
    );
    const files = within(screen.getByRole('list', { name: 'Attachments' }));
    expect(files.getByText('big.iso · downloading…')).toBeInTheDocument();
    expect(files.getByText('setup.exe · not kept: executables are not accepted')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('offers agents a retry for a failed download, and the portal none', async () => {
    const retry = vi.fn();
    const failed = [mail([file({ id: 'a-5', filename: 'scan.pdf', state: 'FAILED', reason: 'HTTP 504' })])];
    const { unmount } = render(<Thread messages={failed} retryAttachment={{ retry }} />);
    expect(screen.getByText('scan.pdf · failed')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry scan.pdf' }));
    expect(retry).toHaveBeenCalledWith('a-5');
    unmount();
    render(<Thread messages={failed} />);
    expect(screen.queryByRole('button', { name: 'Retry scan.pdf' })).not.toBeInTheDocument();
  });
});
