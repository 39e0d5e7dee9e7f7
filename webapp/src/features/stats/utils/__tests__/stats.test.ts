import { describe, expect, it } from 'vitest';
import type { AgentFiguresDto, HourDto } from '@/api/generated/model';
import { agentRanking, hourlySeries, rangeEndingNow } from '@/features/stats/utils/stats';

const hour = (hourStart: string, created: number, closed: number, slaCompliancePercent: number | null): HourDto => ({
  hourStart,
  created,
  closed,
  slaCompliancePercent: slaCompliancePercent as number,
  avgFirstResponseSeconds: 0,
  avgResolutionSeconds: 0,
  agents: [],
  mostEfficientAgent: null as unknown as HourDto['mostEfficientAgent'],
});

describe('statistics', () => {
  it('ends the range at the start of the current hour', () => {
    const now = Date.parse('2026-11-22T17:42:10Z');
    expect(rangeEndingNow(24, now)).toEqual({ from: '2026-11-21T17:00:00.000Z', to: '2026-11-22T17:00:00.000Z' });
  });

  it('keeps hours apart in a day, oldest first, with a gap where nothing closed', () => {
    const series = hourlySeries([hour('2026-11-22T10:00:00Z', 1, 0, null), hour('2026-11-22T09:00:00Z', 4, 2, 50)], 24);
    expect(series.created).toEqual([4, 1]);
    expect(series.closed).toEqual([2, 0]);
    expect(series.compliance).toEqual([50, null]);
  });

  it('sums a longer range per day, compliance weighted by closings', () => {
    const series = hourlySeries(
      [
        hour('2026-11-20T09:00:00Z', 2, 1, 0),
        hour('2026-11-20T10:00:00Z', 3, 3, 100),
        hour('2026-11-21T10:00:00Z', 5, 0, null),
      ],
      24 * 7,
    );
    expect(series.labels).toHaveLength(2);
    expect(series.created).toEqual([5, 5]);
    expect(series.closed).toEqual([4, 0]);
    expect(series.compliance).toEqual([75, null]);
  });

  it('ranks agents by closings, then by the faster median, leaving out who closed nothing', () => {
    const figures = (name: string, closed: number, median: number | null): AgentFiguresDto => ({
      agent: { id: name.length, name },
      closed,
      medianResolutionSeconds: median as number,
      slaCompliancePercent: 100,
    });
    const ranked = agentRanking([
      figures('Slow', 3, 9000),
      figures('Idle', 0, null),
      figures('Quick', 3, 600),
      figures('Top', 5, 9999),
    ]);
    expect(ranked.map((f) => f.agent.name)).toEqual(['Top', 'Quick', 'Slow']);
  });
});
