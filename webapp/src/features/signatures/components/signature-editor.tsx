import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { EmailHtml } from '@/components/email-html';
import { PlaceholderList } from '@/components/placeholder-list';
import { formErrorsOf } from '@/lib/api-client';
import { withTypedBreaks } from '@/features/signatures/utils/typed-breaks';

type Props = {
  /** The editor's heading and the field's label, e.g. "My signature". */
  title: string;
  /** The stored HTML (empty: none). */
  html: string;
  save: (html: string) => void;
  saving: boolean;
  saved: boolean;
  error: unknown;
};

/**
 * A signature's HTML in a multiline field with a live preview: line breaks as typed, a few tags
 * (bold, italics, links, lists) and placeholders filled in when a reply is sent.
 */
export const SignatureEditor = ({ title, html, save, saving, saved, error }: Props) => {
  const [draft, setDraft] = useState(html);
  const problems = formErrorsOf(error, ['html']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(draft);
  };
  return (
    <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-label={title}>
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <TextField
          label={title}
          multiline
          minRows={3}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          error={Boolean(problems.fields.html)}
          helperText={
            problems.fields.html ??
            'Line breaks are kept; <b>, <i>, <a href="…">, lists and quotes work. Empty: no signature.'
          }
        />
        <PlaceholderList />
        <Box
          role="region"
          aria-label={`${title} preview`}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, minHeight: 48 }}
        >
          {draft.trim() ? (
            <EmailHtml html={withTypedBreaks(draft)} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              No signature.
            </Typography>
          )}
        </Box>
        {problems.form && <Alert severity="error">{problems.form}</Alert>}
        {saved && !error && (
          <Alert severity="success" role="status">
            Saved.
          </Alert>
        )}
        <Button type="submit" variant="contained" loading={saving} sx={{ alignSelf: 'flex-end' }}>
          Save
        </Button>
      </Stack>
    </Paper>
  );
};
