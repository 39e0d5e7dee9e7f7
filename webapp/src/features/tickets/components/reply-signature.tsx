import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useGetReplySignature } from '@/api/generated/endpoints/signatures/signatures';

type Props = { number: number; checked: boolean; onChange: (checked: boolean) => void };

/**
 * Under the reply field: what the reply gets appended (the agent's signature, then the mailbox's
 * footer, placeholders filled for this ticket) and an "Add signature" checkbox to leave it out.
 */
export const ReplySignature = ({ number, checked, onChange }: Props) => {
  const signature = useGetReplySignature(number);
  const text = [signature.data?.agentText, signature.data?.mailboxText].filter(Boolean).join('\n\n');
  if (!text) return null;
  return (
    <Box>
      <FormControlLabel
        control={<Checkbox checked={checked} onChange={(event) => onChange(event.target.checked)} />}
        label="Add signature"
      />
      {checked && (
        <Box
          aria-label="Signature preview"
          role="note"
          sx={{
            whiteSpace: 'pre-line',
            color: 'text.secondary',
            typography: 'body2',
            borderLeft: 3,
            borderColor: 'divider',
            pl: 1.5,
          }}
        >
          {text}
        </Box>
      )}
    </Box>
  );
};
