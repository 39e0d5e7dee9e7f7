import { describe, expect, it } from 'vitest';
import type { AgentFiguresDto, HourDto, MetricComplianceDto } from '@/api/generated/model';
import {
  agentRanking,
  complianceCell,
  complianceSeries,
  hourlySeries,
  rangeEndingNow,
} from '@/features/stats/utils/stats';

const hour = (hourStart: string, created: number, closed: number, slaCompliancePercent: number | null): HourDto => ({
  hourStart,
  created,
  closed,
  slaCompliancePercent: slaCompliancePercent as number,
  avgFirstResponseSeconds: 0,
  avgResolutionSeconds: 0,
  agents: [],
  mostEfficientAgent: null as unknown as HourDto['mostEfficientAgent'],
  compliance: [],
});

const judged = (metric: MetricComplianceDto['metric'], met: number, breached: number): MetricComplianceDto => ({
  metric,
  met,
  breached,
  compliancePercent: 0,
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

  it('charts compliance per metric per hour, with a gap where nothing was due', () => {
    const series = complianceSeries(
      [
        { ...hour('2026-11-22T10:00:00Z', 0, 0, null), compliance: [judged('NEXT_REPLY', 1, 1)] },
        {
          ...hour('2026-11-22T09:00:00Z', 0, 0, null),
          compliance: [judged('FIRST_RESPONSE', 2, 1), judged('RESOLUTION', 0, 0)],
        },
      ],
      24,
    );
    expect(series.percent.FIRST_RESPONSE).toEqual([66.7, null]);
    expect(series.percent.NEXT_REPLY).toEqual([null, 50]);
    expect(series.percent.RESOLUTION).toEqual([null, null]);
  });

  it('adds met and breached up per day for a longer range', () => {
    const series = complianceSeries(
      [
        { ...hour('2026-11-20T09:00:00Z', 0, 0, null), compliance: [judged('RESOLUTION', 1, 0)] },
        { ...hour('2026-11-20T10:00:00Z', 0, 0, null), compliance: [judged('RESOLUTION', 0, 3)] },
      ],
      24 * 7,
    );
    // 1 of 4, not the mean of 100 % and 0 %
    expect(series.percent.RESOLUTION).toEqual([25]);
  });

  it('writes a cell as the share met and the counts', () => {
    expect(complianceCell(judged('FIRST_RESPONSE', 2, 1))).toBe('66.7 % (2 of 3)');
    expect(complianceCell(judged('FIRST_RESPONSE', 0, 0))).toBe('—');
    expect(complianceCell(undefined)).toBe('—');
  });
});
