import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo, useState, type ReactNode } from 'react';
import {
  useGetStatsAgents,
  useGetStatsHourly,
  useGetStatsSummary,
  useGetStatsTags,
} from '@/api/generated/endpoints/statistics/statistics';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { AgentComplianceTable, ComplianceChart } from '@/features/stats/components/compliance';
import { TagStatsTable } from '@/features/stats/components/tag-stats';
import { DownloadLink, downloadUrl } from '@/components/download-link';
import { formatDateTime, formatSpan } from '@/utils/duration';
import { agentRanking, hourlySeries, percent, rangeEndingNow, RANGES } from '@/features/stats/utils/stats';

const STATS_REFRESH_MS = 60_000;

/** One total; `hint` (how it is defined) shows on hover so the cards stay one height. */
const Figure = ({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) => (
  <Card variant="outlined" sx={{ flex: '1 1 160px' }} title={hint}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" data-testid={`figure-${label}`}>
        {value}
      </Typography>
    </CardContent>
  </Card>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Paper sx={{ p: 2 }} component="section" aria-label={title}>
    <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Paper>
);

const span = (seconds: number | null | undefined) => (seconds == null ? '—' : formatSpan(seconds));

/** Managers' view of the last day, week or month: totals, hourly flow, SLA compliance, agents. */
export const StatsDashboard = ({ aside }: { aside?: ReactNode }) => {
  const [hours, setHours] = useState<number>(RANGES[0].hours);
  // Read at every render on purpose: the range moves on once the hour has turned.
  // eslint-disable-next-line react-hooks/purity -- see above
  const currentHour = Math.floor(Date.now() / 3_600_000);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the hour turns
  const range = useMemo(() => rangeEndingNow(hours), [hours, currentHour]);
  const query = { query: { refetchInterval: STATS_REFRESH_MS } };
  const summary = useGetStatsSummary({ hours }, query);
  const hourly = useGetStatsHourly(range, query);
  const agents = useGetStatsAgents(range, query);
  // Up to now, not the last whole hour: tags are read from the tickets, not from computed hours.
  const tags = useGetStatsTags({ from: range.from }, query);
  const series = useMemo(() => hourlySeries(hourly.data?.hours ?? [], hours), [hourly.data, hours]);
  const ranking = agentRanking(agents.data?.agents ?? []);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Statistics
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label="Range"
            value={hours}
            onChange={(event) => setHours(Number(event.target.value))}
            sx={{ minWidth: 180 }}
          >
            {RANGES.map((range) => (
              <MenuItem key={range.hours} value={range.hours}>
                {range.label}
              </MenuItem>
            ))}
          </TextField>
          <DownloadLink href={downloadUrl('/api/stats/export', { from: range.from, to: range.to })}>
            Export CSV
          </DownloadLink>
        </Stack>
      </Stack>
      {summary.isPending ? (
        <Loading label="Loading statistics…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} title="Could not load the statistics" />
      ) : (
        <>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
            <Figure label="Created" value={summary.data.created} />
            <Figure label="Closed" value={summary.data.closed} />
            <Figure label="Avg first response" value={span(summary.data.avgFirstResponseSeconds)} />
            <Figure label="Avg resolution" value={span(summary.data.avgResolutionSeconds)} />
            <Figure label="SLA compliance" value={percent(summary.data.slaCompliancePercent)} />
            <Figure
              label="Most efficient agent"
              value={summary.data.mostEfficientAgent?.name ?? '—'}
              hint={summary.data.mostEfficientDefinition}
            />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {summary.data.hoursComputed} computed hours; last one {formatDateTime(summary.data.lastComputedHour)}.
          </Typography>
        </>
      )}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Section title="Tickets per hour">
          {hourly.isPending ? (
            <Loading />
          ) : hourly.isError ? (
            <ErrorState error={hourly.error} title="Could not load the hourly figures" />
          ) : series.labels.length === 0 ? (
            <EmptyState>No computed hours in this range yet.</EmptyState>
          ) : (
            <BarChart
              height={280}
              width={560}
              xAxis={[{ data: series.labels, scaleType: 'band' }]}
              series={[
                { data: series.created, label: 'Created' },
                { data: series.closed, label: 'Closed' },
              ]}
            />
          )}
        </Section>
        <Section title="SLA compliance">
          {hourly.isPending ? (
            <Loading />
          ) : series.compliance.every((value) => value == null) ? (
            <EmptyState>Nothing closed in this range yet.</EmptyState>
          ) : (
            <LineChart
              height={280}
              width={480}
              xAxis={[{ data: series.labels, scaleType: 'point' }]}
              yAxis={[{ min: 0, max: 100 }]}
              series={[{ data: series.compliance, label: 'Closed within SLA (%)', connectNulls: false }]}
            />
          )}
        </Section>
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Section title="SLA compliance per metric">
          {hourly.isPending ? (
            <Loading />
          ) : hourly.isError ? (
            <ErrorState error={hourly.error} title="Could not load the hourly figures" />
          ) : (
            <ComplianceChart hours={hourly.data.hours} rangeHours={hours} />
          )}
        </Section>
        <Section title="SLA compliance per agent">
          {agents.isPending ? (
            <Loading />
          ) : agents.isError ? (
            <ErrorState error={agents.error} title="Could not load the agents' figures" />
          ) : (
            <AgentComplianceTable agents={agents.data.compliance} />
          )}
        </Section>
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Section title="Closed per agent">
          {agents.isPending ? (
            <Loading />
          ) : agents.isError ? (
            <ErrorState error={agents.error} title="Could not load the agents' figures" />
          ) : ranking.length === 0 ? (
            <EmptyState>No agent closed a ticket in this range.</EmptyState>
          ) : (
            <>
              <BarChart
                height={Math.max(160, 48 * ranking.length)}
                width={560}
                layout="horizontal"
                yAxis={[{ data: ranking.map((figures) => figures.agent.name), scaleType: 'band', width: 120 }]}
                series={[{ data: ranking.map((figures) => figures.closed), label: 'Closed' }]}
              />
              <Typography variant="body2" color="text.secondary">
                {ranking
                  .map(
                    (figures) =>
                      `${figures.agent.name}: median ${span(figures.medianResolutionSeconds)}, SLA ${percent(figures.slaCompliancePercent)}`,
                  )
                  .join(' · ')}
              </Typography>
            </>
          )}
        </Section>
        <Section title="Tickets per tag">
          {tags.isPending ? (
            <Loading />
          ) : tags.isError ? (
            <ErrorState error={tags.error} title="Could not load the figures per tag" />
          ) : (
            <TagStatsTable tags={tags.data.tags} />
          )}
        </Section>
        {aside}
      </Stack>
    </Stack>
  );
};
