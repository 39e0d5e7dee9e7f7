import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useBulkProgress } from '@/features/tickets/api/bulk-actions';

type Props = { id: number; onClose: () => void };

/** A running bulk action: how far it got, then which tickets refused the change and why. */
export const BulkProgress = ({ id, onClose }: Props) => {
  const progress = useBulkProgress(id);
  const data = progress.data;
  const decided = data ? data.applied + data.refused : 0;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="bulk-progress-title">
      <DialogTitle id="bulk-progress-title">{data?.done ? 'Bulk change finished' : 'Changing tickets…'}</DialogTitle>
      <DialogContent>
        {progress.isError ? (
          <Alert severity="error">{progress.error.message}</Alert>
        ) : (
          <>
            <LinearProgress
              variant={data ? 'determinate' : 'indeterminate'}
              value={data && data.total ? (100 * decided) / data.total : 0}
              aria-label="Bulk change progress"
            />
            {data && (
              <Typography sx={{ mt: 1 }} role="status">
                {decided} of {data.total} done: {data.applied} changed, {data.refused} refused.
              </Typography>
            )}
            {data && data.results.length > 0 && (
              <List dense aria-label="Refused tickets">
                {data.results.map((result) => (
                  <ListItem key={result.number} disableGutters>
                    <ListItemText
                      primary={`#${result.number}`}
                      secondary={result.field ? `${result.reason} (${result.field})` : result.reason}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{data?.done ? 'Close' : 'Hide'}</Button>
      </DialogActions>
    </Dialog>
  );
};
