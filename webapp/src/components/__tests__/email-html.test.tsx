import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Thread, type ThreadMessage } from '@/components/thread';

const DATA_GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

const mail = (id: string, bodyHtml: string): ThreadMessage => ({
  id,
  direction: 'INBOUND',
  fromAddress: 'news@shop.example',
  occurredAt: '2026-11-22T10:00:00Z',
  bodyHtml,
  bodyText: undefined as unknown as string,
});

const newsletter = mail(
  'm-1',
  '<p>Our autumn offers</p><img alt="Banner" src="https://tracker.example/open.gif?r=m-1">' +
    `<img alt="Logo" src="${DATA_GIF}">`,
);
const secondNewsletter = mail('m-2', '<p>Last call</p><img alt="Pixel" src="https://tracker.example/open.gif?r=m-2">');

const messageOf = (text: string) => screen.getByText(text).closest('li') as HTMLElement;

describe('remote images in the thread', () => {
  it('hides remote images until "Load remote images" is clicked, for that message only', async () => {
    // the same Thread shows the agent's ticket page and the customer's portal ticket
    render(<Thread messages={[newsletter, secondNewsletter]} />);
    const first = messageOf('Our autumn offers');
    const second = messageOf('Last call');
    expect(within(first).getByRole('img', { name: 'Banner' })).not.toHaveAttribute('src');
    expect(within(first).getByRole('img', { name: 'Logo' })).toHaveAttribute('src', DATA_GIF);
    expect(within(first).getByRole('status')).toHaveTextContent('Remote images are hidden.');
    expect(within(second).getByRole('img', { name: 'Pixel' })).not.toHaveAttribute('src');

    await userEvent.click(within(first).getByRole('button', { name: 'Load remote images' }));

    expect(within(first).getByRole('img', { name: 'Banner' })).toHaveAttribute(
      'src',
      'https://tracker.example/open.gif?r=m-1',
    );
    expect(within(first).queryByRole('button', { name: 'Load remote images' })).not.toBeInTheDocument();
    expect(within(second).getByRole('img', { name: 'Pixel' })).not.toHaveAttribute('src');
    expect(within(second).getByRole('button', { name: 'Load remote images' })).toBeInTheDocument();
  });

  it('shows no bar when nothing was hidden', () => {
    render(<Thread messages={[mail('m-3', `<p>Receipt</p><img alt="Stamp" src="${DATA_GIF}">`)]} />);
    expect(screen.getByRole('img', { name: 'Stamp' })).toHaveAttribute('src', DATA_GIF);
    expect(screen.queryByText('Remote images are hidden.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load remote images' })).not.toBeInTheDocument();
  });
});
