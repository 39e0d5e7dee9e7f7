import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  acceptPortalInvitation,
  getCsrfToken,
  useCheckPortalInvitation,
} from '@/api/generated/endpoints/sign-in/sign-in';
import type { SignedInDto } from '@/api/generated/model';
import { formErrorsOf, readCookie } from '@/lib/api-client';
import { Loading } from '@/components/states';

/**
 * The page of an emailed portal invitation: the contact chooses a password and is signed in. A used,
 * replaced, expired or unknown link says so and points to the sign-in page.
 */
export const InvitationPage = ({ token, onSignedIn }: { token: string; onSignedIn: (user: SignedInDto) => void }) => {
  const invitation = useCheckPortalInvitation(token, { query: { retry: false } });
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: async () => {
      if (!readCookie('XSRF-TOKEN')) await getCsrfToken();
      return acceptPortalInvitation(token, { password });
    },
    onSuccess: (user) => onSignedIn(user),
  });
  const { fields: blamed, form: problem } = formErrorsOf(accept.error, ['password'] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 1.5 }}>
      <Paper component="form" onSubmit={submit} sx={{ p: { xs: 3, sm: 4 }, width: '100%', maxWidth: 420 }}>
        <Stack spacing={2}>
          <Typography variant="h5" component="h1">
            Your support portal
          </Typography>
          {invitation.isPending ? (
            <Loading label="Checking the invitation…" />
          ) : invitation.isError ? (
            <>
              <Alert severity="error">
                {invitation.error instanceof Error ? invitation.error.message : 'This invitation link does not work.'}
              </Alert>
              <Link component={RouterLink} to="/login">
                Go to sign-in
              </Link>
            </>
          ) : (
            <>
              <Typography>
                Welcome, {invitation.data.displayName}. Choose a password for {invitation.data.email}.
              </Typography>
              <TextField
                label="New password"
                type="password"
                autoComplete="new-password"
                required
                autoFocus
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={Boolean(blamed.password)}
                helperText={blamed.password ?? 'At least 10 characters'}
              />
              {problem && <Alert severity="error">{problem}</Alert>}
              <Button type="submit" variant="contained" loading={accept.isPending}>
                Set password and sign in
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Box>
  );
};
