import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo } from 'react';
import type { AgentComplianceDto, HourDto } from '@/api/generated/model';
import { EmptyState } from '@/components/states';
import { COMPLIANCE_METRICS, complianceRows, complianceSeries } from '@/features/stats/utils/stats';

/** SLA compliance per metric over the range's hours (per day for longer ranges). */
export const ComplianceChart = ({ hours, rangeHours }: { hours: HourDto[]; rangeHours: number }) => {
  const series = useMemo(() => complianceSeries(hours, rangeHours), [hours, rangeHours]);
  const judged = COMPLIANCE_METRICS.some(({ metric }) => series.percent[metric].some((value) => value != null));
  if (!judged) {
    return <EmptyState>No reply or closing was due in this range yet.</EmptyState>;
  }
  return (
    <LineChart
      height={280}
      width={560}
      xAxis={[{ data: series.labels, scaleType: 'point' }]}
      yAxis={[{ min: 0, max: 100 }]}
      series={COMPLIANCE_METRICS.map(({ metric, label }) => ({
        data: series.percent[metric],
        label: `${label} (%)`,
        connectNulls: false,
      }))}
    />
  );
};

/** Per agent: the share of first responses, next replies and closings that met their SLA. */
export const AgentComplianceTable = ({ agents }: { agents: AgentComplianceDto[] }) => {
  const rows = complianceRows(agents);
  if (rows.length === 0) {
    return <EmptyState>No agent replied to or closed a ticket with an SLA in this range.</EmptyState>;
  }
  return (
    <Table size="small" aria-label="SLA compliance per agent">
      <TableHead>
        <TableRow>
          <TableCell>Agent</TableCell>
          {COMPLIANCE_METRICS.map(({ metric, label }) => (
            <TableCell key={metric} align="right">
              {label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.agent.id}>
            <TableCell component="th" scope="row">
              {row.agent.name ?? `#${row.agent.id}`}
            </TableCell>
            {row.cells.map((cell, index) => (
              <TableCell key={COMPLIANCE_METRICS[index].metric} align="right">
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
