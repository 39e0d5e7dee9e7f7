import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Kept for screen readers, not drawn (the usual visually-hidden recipe). */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
  p: 0,
  m: -1,
} as const;

/**
 * The page's one `h1` (docs/accessibility.md): every routed page renders exactly one, so screen
 * readers can jump to it and the browser test's axe-core check finds a heading. `hidden` keeps it
 * for assistive technology only, on a page whose purpose the layout already shows.
 */
export const PageHeading = ({
  children,
  id,
  hidden = false,
}: {
  children: ReactNode;
  id?: string;
  hidden?: boolean;
}) => (
  <Typography id={id} variant="h5" component="h1" sx={hidden ? visuallyHidden : { overflowWrap: 'anywhere' }}>
    {children}
  </Typography>
);
