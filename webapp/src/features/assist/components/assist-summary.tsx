import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useAssistOn, useAssistSummary, useSummarize } from '@/features/assist/api/assist';
import { formatDateTime } from '@/utils/duration';

/**
 * The thread's summary at the top of the ticket page, written by the team's language model (on
 * demand, and refreshed by itself when a long thread grows). Hidden when assist is off.
 */
export const AssistSummary = ({ number }: { number: number }) => {
  const on = useAssistOn();
  const summary = useAssistSummary(number, on);
  const summarize = useSummarize(number);
  if (!on || !summary.data) return null;
  const latest = summary.data.latest;
  const behind = latest ? summary.data.publicMessages - latest.messagesCovered : 0;
  return (
    <Paper sx={{ p: 2 }} aria-label="Summary" component="section">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle2" component="h2">
          Summary
        </Typography>
        <Button size="small" variant="outlined" loading={summarize.isPending} onClick={() => summarize.mutate()}>
          {latest ? 'Summarise again' : 'Summarise'}
        </Button>
      </Stack>
      {latest ? (
        <>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line', mt: 1 }} data-testid="assist-summary-text">
            {latest.text}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            Suggested by assist ({latest.model}) · {formatDateTime(latest.createdAt)} · {latest.messagesCovered}{' '}
            messages
            {behind > 0 ? ` · ${behind} newer not covered` : ''}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          No summary yet.
        </Typography>
      )}
      {summarize.isError && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {summarize.error.message}
        </Alert>
      )}
    </Paper>
  );
};
