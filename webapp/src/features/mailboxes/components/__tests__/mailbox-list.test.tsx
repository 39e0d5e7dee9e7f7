import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MailboxDto } from '@/api/generated/model';
import { SyncState } from '@/features/mailboxes/components/mailbox-list';

const aMailbox = (sync: Partial<MailboxDto['sync']>): MailboxDto =>
  ({
    id: 1,
    grantId: 'grant-1',
    email: 'help@acme.example',
    provider: 'google',
    active: true,
    sync: { status: 'UP', ...sync },
  }) as MailboxDto;

describe('mailbox sync state', () => {
  it('offers Reconnect with the mailbox address when Nylas refused the grant', () => {
    const onReconnect = vi.fn();
    render(
      <SyncState
        mailbox={aMailbox({ status: 'NEEDS_RECONNECT', reason: 'Nylas answered 401 unauthorized' })}
        onReconnect={onReconnect}
      />,
    );
    expect(screen.getByText('Needs reconnect')).toBeInTheDocument();
    expect(screen.getByText(/Nylas answered 401 unauthorized/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(onReconnect).toHaveBeenCalledWith('help@acme.example');
  });

  it('shows a failing sync with its reason and no Reconnect', () => {
    render(
      <SyncState
        mailbox={aMailbox({ status: 'DOWN', reason: 'Failed to connect to /127.0.0.1:9' })}
        onReconnect={vi.fn()}
      />,
    );
    expect(screen.getByText('Sync failing')).toBeInTheDocument();
    expect(screen.getByText(/Failed to connect to \/127.0.0.1:9/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reconnect' })).not.toBeInTheDocument();
  });

  it('shows a working mailbox as active', () => {
    render(<SyncState mailbox={aMailbox({})} onReconnect={vi.fn()} />);
    expect(screen.getByText('Active')).toBeInTheDocument();
  });
});
