import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A titled part of an editor page, named for assistive technology by its title. */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Paper sx={{ p: 2 }} component="section" aria-label={title}>
    <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
      {title}
    </Typography>
    {children}
  </Paper>
);
