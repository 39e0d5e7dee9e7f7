import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatsDashboard } from '@/features/stats/components/stats-dashboard';
import { TagStatsTable } from '@/features/stats/components/tag-stats';
import { renderWithQueries, stubFetch } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

describe('tickets per tag', () => {
  it('shows tickets per tag on the statistics page, asked from the range start up to now', async () => {
    const requests = stubFetch(({ url }) =>
      url.startsWith('/api/stats/tags')
        ? {
            status: 200,
            body: {
              from: '2026-11-21T10:00:00Z',
              to: '2026-11-22T10:00:00Z',
              tags: [{ tag: 'vpn', created: 5, open: 3 }],
            },
          }
        : { status: 500, body: { status: 500, detail: 'not in this test' } },
    );
    renderWithQueries(<StatsDashboard />);

    const table = await screen.findByRole('table', { name: 'Tickets per tag' });
    expect(within(table).getByRole('row', { name: /vpn/ })).toHaveTextContent('vpn53');
    const asked = requests.find((request) => request.url.startsWith('/api/stats/tags'))!;
    expect(asked.url).toMatch(/from=/);
    expect(asked.url).not.toMatch(/to=/);
  });

  it('says so when no tag has figures', () => {
    renderWithQueries(<TagStatsTable tags={[]} />);
    expect(screen.getByText(/No tagged ticket/)).toBeInTheDocument();
  });
});
