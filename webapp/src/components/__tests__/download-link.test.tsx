import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DownloadLink, downloadUrl } from '@/components/download-link';

describe('downloadUrl', () => {
  it('writes arrays as repeated parameters and leaves out empty values and false flags', () => {
    expect(
      downloadUrl('/api/tickets/export', {
        status: ['NEW', 'OPEN'],
        tag: ['vip'],
        text: 'vpn down',
        includeDone: true,
        mine: false,
        assigneeId: undefined,
        reporterId: 12,
        createdFrom: '',
      }),
    ).toBe('/api/tickets/export?status=NEW&status=OPEN&tag=vip&text=vpn+down&includeDone=true&reporterId=12');
  });

  it('is the bare path without parameters', () => {
    expect(downloadUrl('/api/tickets/export', {})).toBe('/api/tickets/export');
  });
});

describe('DownloadLink', () => {
  it('is a download link to the export', () => {
    render(<DownloadLink href="/api/tickets/1042/export">Download JSON</DownloadLink>);
    const link = screen.getByRole('link', { name: 'Download JSON' });
    expect(link).toHaveAttribute('href', '/api/tickets/1042/export');
    expect(link).toHaveAttribute('download');
  });
});
