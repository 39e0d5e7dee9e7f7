import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentsDto, HourDto, HourlyDto, MetricComplianceDto, SummaryDto } from '@/api/generated/model';
import { StatsDashboard } from '@/features/stats/components/stats-dashboard';
import { renderWithQueries, stubFetch } from '@/testing/render';

const metrics = (
  firstResponse: [number, number],
  nextReply: [number, number],
  resolution: [number, number],
): MetricComplianceDto[] =>
  (
    [
      ['TIME_TO_ASSIGN', [0, 0]],
      ['FIRST_RESPONSE', firstResponse],
      ['NEXT_REPLY', nextReply],
      ['RESOLUTION', resolution],
    ] as const
  ).map(([metric, [met, breached]]) => ({
    metric,
    met,
    breached,
    compliancePercent: (met + breached === 0 ? null : (100 * met) / (met + breached)) as number,
  }));

const hour = (hourStart: string, compliance: MetricComplianceDto[]): HourDto => ({
  hourStart,
  created: 3,
  closed: 2,
  avgFirstResponseSeconds: 600,
  avgResolutionSeconds: 3600,
  slaCompliancePercent: 50,
  mostEfficientAgent: { id: 3, name: 'Alice' },
  agents: [],
  compliance,
});

const summary = {
  from: '2026-11-21T17:00:00Z',
  to: '2026-11-22T17:00:00Z',
  hoursComputed: 24,
  lastComputedHour: '2026-11-22T16:00:00Z',
  created: 6,
  closed: 4,
  avgFirstResponseSeconds: 600,
  avgResolutionSeconds: 3600,
  slaCompliancePercent: 75,
  mostEfficientAgent: { id: 3, name: 'Alice' },
  mostEfficientDefinition: 'The agent who closed the most tickets',
  compliance: metrics([9, 1], [3, 1], [4, 0]),
} as SummaryDto;

const hourly = {
  from: summary.from,
  to: summary.to,
  hours: [
    hour('2026-11-22T09:00:00Z', metrics([4, 1], [1, 1], [2, 0])),
    hour('2026-11-22T10:00:00Z', metrics([5, 0], [2, 0], [2, 0])),
  ],
} as HourlyDto;

const agents = {
  from: summary.from,
  to: summary.to,
  agents: [],
  mostEfficientAgent: null,
  mostEfficientDefinition: summary.mostEfficientDefinition,
  compliance: [
    { agent: { id: 4, name: 'Max' }, metrics: metrics([0, 1], [0, 0], [1, 0]) },
    { agent: { id: 3, name: 'Alice' }, metrics: metrics([9, 0], [3, 1], [3, 0]) },
    // only assignments: nothing on the three metrics shown
    { agent: { id: 5, name: 'Ada' }, metrics: metrics([0, 0], [0, 0], [0, 0]) },
  ],
} as unknown as AgentsDto;

const answering = (hourlyBody: unknown, agentsBody: unknown) =>
  stubFetch(({ url }) => ({
    status: 200,
    body: url.includes('/summary')
      ? summary
      : url.includes('/hourly')
        ? hourlyBody
        : url.includes('/stats/tags')
          ? { from: '2026-11-21T10:00:00Z', to: '2026-11-22T10:00:00Z', tags: [{ tag: 'vpn', created: 2, open: 1 }] }
          : agentsBody,
  }));

describe('SLA compliance on the statistics page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each agent’s first responses, next replies and closings within SLA', async () => {
    answering(hourly, agents);
    renderWithQueries(<StatsDashboard />);

    const table = await screen.findByRole('table', { name: 'SLA compliance per agent' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'AgentFirst responseNext replyResolution',
      'Alice100 % (9 of 9)75 % (3 of 4)100 % (3 of 3)',
      'Max0 % (0 of 1)—100 % (1 of 1)',
    ]);
  });

  it('charts compliance per metric over the hours', async () => {
    answering(hourly, agents);
    renderWithQueries(<StatsDashboard />);

    const section = await screen.findByRole('region', { name: 'SLA compliance per metric' });
    expect(await within(section).findByText('First response (%)')).toBeInTheDocument();
    expect(within(section).getByText('Next reply (%)')).toBeInTheDocument();
    expect(within(section).getByText('Resolution (%)')).toBeInTheDocument();
  });

  it('says so when nothing was due in the range', async () => {
    answering(
      { ...hourly, hours: [hour('2026-11-22T09:00:00Z', metrics([0, 0], [0, 0], [0, 0]))] },
      { ...agents, compliance: [] },
    );
    renderWithQueries(<StatsDashboard />);

    expect(await screen.findByText('No reply or closing was due in this range yet.')).toBeInTheDocument();
    expect(
      await screen.findByText('No agent replied to or closed a ticket with an SLA in this range.'),
    ).toBeInTheDocument();
  });
});
