import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export const Loading = ({ label = 'Loading…' }: { label?: string }) => (
  <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 3 }}>
    <CircularProgress size={20} aria-hidden />
    <Typography color="text.secondary">{label}</Typography>
  </Box>
);

export const ErrorState = ({ error, title = 'Could not load' }: { error: unknown; title?: string }) => (
  <Alert severity="error" sx={{ m: 2 }}>
    <strong>{title}.</strong> {error instanceof Error ? error.message : String(error)}
  </Alert>
);

export const EmptyState = ({ children }: { children: ReactNode }) => (
  <Box sx={{ p: 4, textAlign: 'center', color: 'text.secondary' }}>{children}</Box>
);
