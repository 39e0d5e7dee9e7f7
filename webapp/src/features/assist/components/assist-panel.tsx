import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { TriageSuggestion } from '@/api/generated/model';
import { useAssistOn, useAssistTriage, useDraft, useTriageNow } from '@/features/assist/api/assist';

type Props = {
  number: number;
  /** A suggested reply for the reply box (the agent edits and sends it, or not). */
  onDraft: (text: string) => void;
  /** A triage for the update panel (the agent reviews and saves it, or not). */
  onTriage: (triage: TriageSuggestion, model: string) => void;
};

const triageLabel = (triage: TriageSuggestion) =>
  [
    triage.priority && `priority ${triage.priority}`,
    triage.tags.length > 0 && `tags ${triage.tags.join(', ')}`,
    triage.groupName && `group ${triage.groupName}`,
  ]
    .filter(Boolean)
    .join(' · ');

/**
 * Assist on the ticket page: "Suggest a reply" fills the reply box, the triage chip fills the
 * update panel. Nothing is sent or saved here. Hidden when assist is off.
 */
export const AssistPanel = ({ number, onDraft, onTriage }: Props) => {
  const on = useAssistOn();
  const triage = useAssistTriage(number, on);
  const draft = useDraft(number);
  const triageNow = useTriageNow(number);
  const [filled, setFilled] = useState<string>();
  if (!on) return null;
  const latest = triage.data?.latest;
  const suggestion = latest?.triage;
  return (
    <Paper sx={{ p: 2 }} aria-label="Assist">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          loading={draft.isPending}
          onClick={() =>
            draft.mutate(undefined, {
              onSuccess: (result) => {
                onDraft(result.text ?? '');
                setFilled('A suggested reply is in the reply box: read and edit it, then Send reply.');
              },
            })
          }
        >
          Suggest a reply
        </Button>
        {suggestion ? (
          <Chip
            color="primary"
            variant="outlined"
            clickable
            label={`Triage: ${triageLabel(suggestion)}`}
            title={suggestion.reason}
            onClick={() => {
              onTriage(suggestion, latest.model);
              setFilled('The suggested triage is in the update panel: review it, then Save change.');
            }}
          />
        ) : (
          <Button size="small" loading={triageNow.isPending} onClick={() => triageNow.mutate()}>
            Suggest triage
          </Button>
        )}
        {latest?.appliedAt && (
          <Typography variant="caption" color="text.secondary">
            Triage applied
          </Typography>
        )}
      </Stack>
      {(draft.isError || triageNow.isError) && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {(draft.error ?? triageNow.error)?.message}
        </Alert>
      )}
      {filled && (
        <Alert severity="info" role="status" sx={{ mt: 1 }}>
          {filled}
        </Alert>
      )}
    </Paper>
  );
};
