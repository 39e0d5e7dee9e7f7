import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useMemo, useState } from 'react';
import { sanitizeEmailHtml } from '@/lib/sanitize';

/**
 * A message's HTML, sanitized, with remote images held back until the reader clicks "Load remote
 * images" (a tracking pixel would otherwise tell the sender when and where the mail was read).
 * The choice holds for this message only, and only until the page is left: a sender address is
 * easy to forge, so "always load from this sender" would hand the forger the read receipt.
 */
export const EmailHtml = ({ html }: { html: string }) => {
  const [loadRemote, setLoadRemote] = useState(false);
  const clean = useMemo(() => sanitizeEmailHtml(html, loadRemote ? 'load' : 'block'), [html, loadRemote]);
  return (
    <>
      {clean.blockedRemote > 0 && (
        <Alert
          severity="info"
          role="status"
          sx={{ mb: 1, py: 0 }}
          action={
            <Button color="inherit" size="small" onClick={() => setLoadRemote(true)}>
              Load remote images
            </Button>
          }
        >
          Remote images are hidden.
        </Alert>
      )}
      <Box
        className="email-html"
        sx={{ overflowWrap: 'anywhere', '& img': { maxWidth: '100%' } }}
        dangerouslySetInnerHTML={{ __html: clean.html }}
      />
    </>
  );
};
