import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/api-client';
import { useLogin, type SessionUser } from '@/features/auth/api/auth';

const loginMessage = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) return 'Wrong email or password.';
  if (error instanceof ApiError && error.status === 429)
    return error.problem.detail ?? 'Too many attempts; wait a moment and try again.';
  return error instanceof Error ? error.message : 'Could not sign in.';
};

export const LoginForm = ({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) => {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: onSignedIn });
  };

  return (
    <Paper
      component="form"
      onSubmit={submit}
      sx={{ p: { xs: 3, sm: 4 }, width: '100%', maxWidth: 380 }}
      aria-labelledby="login-title"
    >
      <Stack spacing={2}>
        <Typography id="login-title" variant="h5" component="h1">
          Sign in to Tempodesk
        </Typography>
        {login.isError && <Alert severity="error">{loginMessage(login.error)}</Alert>}
        <TextField
          label="Email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" variant="contained" loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </Paper>
  );
};
