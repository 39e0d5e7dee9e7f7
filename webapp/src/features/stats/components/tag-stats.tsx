import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { TagFigures } from '@/api/generated/model';
import { EmptyState } from '@/components/states';

/** Tickets per tag: created in the range and open now, most created first (as the server sorts). */
export const TagStatsTable = ({ tags }: { tags: TagFigures[] }) =>
  tags.length === 0 ? (
    <EmptyState>No tagged ticket was created in this range or is open now.</EmptyState>
  ) : (
    <Table size="small" aria-label="Tickets per tag">
      <TableHead>
        <TableRow>
          <TableCell>Tag</TableCell>
          <TableCell align="right">Created in range</TableCell>
          <TableCell align="right">Open now</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tags.map((row) => (
          <TableRow key={row.tag}>
            <TableCell component="th" scope="row">
              {row.tag}
            </TableCell>
            <TableCell align="right">{row.created}</TableCell>
            <TableCell align="right">{row.open}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
