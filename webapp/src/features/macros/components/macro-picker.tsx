import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useListMacros } from '@/api/generated/endpoints/macros/macros';
import type { MacroPreviewDto } from '@/api/generated/model';
import { usePreviewMacro } from '@/features/macros/api/macros';

type Props = {
  number: number;
  /** The macro rendered for this ticket: the page fills the reply box and the update panel. */
  onFill: (preview: MacroPreviewDto) => void;
};

/**
 * "Apply macro" on the ticket page: renders the chosen macro for this ticket and hands it to the
 * page for review. Nothing is sent or saved here: the agent sends the reply (Send reply) and
 * saves the change (Save change), each when ready.
 */
export const MacroPicker = ({ number, onFill }: Props) => {
  const macros = useListMacros();
  const preview = usePreviewMacro();
  const [chosen, setChosen] = useState('');
  const [applied, setApplied] = useState<string>();
  if (!macros.data?.length) return null;
  const apply = () =>
    preview.mutate(
      { number, id: Number(chosen) },
      {
        onSuccess: (rendered) => {
          onFill(rendered);
          setApplied(rendered.name);
        },
      },
    );
  return (
    <Paper sx={{ p: 2 }} aria-label="Macros">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          id="macro-choice"
          label="Macro"
          size="small"
          sx={{ minWidth: 240 }}
          value={chosen}
          onChange={(event) => {
            setChosen(event.target.value);
            setApplied(undefined);
          }}
        >
          {macros.data.map((macro) => (
            <MenuItem key={macro.id} value={String(macro.id)}>
              {macro.name}
              {macro.shared ? '' : ' (personal)'}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" disabled={!chosen} loading={preview.isPending} onClick={apply}>
          Apply macro
        </Button>
      </Stack>
      {preview.isError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {preview.error.message}
        </Alert>
      )}
      {applied && (
        <Alert severity="info" role="status" sx={{ mt: 1 }}>
          Filled in from “{applied}”: review the reply and the update, then Send reply and Save change.
        </Alert>
      )}
    </Paper>
  );
};
