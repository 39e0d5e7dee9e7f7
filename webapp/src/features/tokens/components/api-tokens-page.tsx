import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useListApiTokens } from '@/api/generated/endpoints/api-tokens/api-tokens';
import type { ApiTokenDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { ApiError } from '@/lib/api-client';
import { SCOPES, useCreateApiToken, useRevokeApiToken } from '@/features/tokens/api/tokens';
import { formatDateTime } from '@/utils/duration';

/** The server's refusal of one field, or undefined. */
const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError && error.field === field ? error.message : undefined;

const status = (token: ApiTokenDto) => (token.revokedAt ? 'revoked' : token.active ? 'active' : 'expired');

/** The secret of a token just made: shown this once, with a copy button. */
const NewSecret = ({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) => {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <Alert severity="success" role="status" aria-label="New token">
      <Stack spacing={1}>
        <Typography variant="body2">
          Token &ldquo;{name}&rdquo; created. Copy it now: it is stored only as a hash and not shown again.
        </Typography>
        <TextField
          label="Secret"
          value={secret}
          size="small"
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace' } } }}
        />
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
          <Button onClick={onDone}>Done</Button>
        </Stack>
      </Stack>
    </Alert>
  );
};

const NewTokenForm = ({
  isAdmin,
  onCreated,
}: {
  isAdmin: boolean;
  onCreated: (name: string, secret: string) => void;
}) => {
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['tickets:read']);
  const [expiresOn, setExpiresOn] = useState('');
  const [service, setService] = useState(false);
  const toggle = (scope: string) =>
    setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        data: {
          name,
          scopes,
          // The end of the chosen day, in the agent's time zone.
          expiresAt: expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : undefined,
          service: isAdmin ? service : undefined,
        },
      },
      {
        onSuccess: (created) => {
          onCreated(created.token.name, created.secret);
          setName('');
          setExpiresOn('');
          setService(false);
        },
      },
    );
  };
  const error = create.error;
  const general = error && !['name', 'scopes', 'expiresAt'].includes((error as ApiError).field ?? '') ? error : null;
  return (
    <Paper component="form" aria-label="New API token" onSubmit={submit} sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          New token
        </Typography>
        <TextField
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          slotProps={{ htmlInput: { maxLength: 80 } }}
          error={fieldError(error, 'name') !== undefined}
          helperText={fieldError(error, 'name') ?? 'What uses it, e.g. "CI pipeline"'}
        />
        <FormControl component="fieldset" error={fieldError(error, 'scopes') !== undefined}>
          <FormLabel component="legend">Scopes</FormLabel>
          <FormGroup>
            {SCOPES.filter((scope) => isAdmin || !scope.adminOnly).map((scope) => (
              <FormControlLabel
                key={scope.value}
                control={<Checkbox checked={scopes.includes(scope.value)} onChange={() => toggle(scope.value)} />}
                label={scope.label}
              />
            ))}
          </FormGroup>
          <FormHelperText>
            {fieldError(error, 'scopes') ?? 'A token never does more than your role allows.'}
          </FormHelperText>
        </FormControl>
        <TextField
          label="Expires on"
          type="date"
          value={expiresOn}
          onChange={(event) => setExpiresOn(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          error={fieldError(error, 'expiresAt') !== undefined}
          helperText={fieldError(error, 'expiresAt') ?? 'Leave empty for the longest allowed'}
        />
        {isAdmin && (
          <FormControlLabel
            control={<Checkbox checked={service} onChange={(event) => setService(event.target.checked)} />}
            label="Service token (listed for every admin; acts as you)"
          />
        )}
        {general && <Alert severity="error">{general.message}</Alert>}
        <Stack direction="row">
          <Button type="submit" variant="contained" loading={create.isPending}>
            Create token
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
};

const RevokeDialog = ({ token, onClose }: { token: ApiTokenDto; onClose: () => void }) => {
  const revoke = useRevokeApiToken();
  return (
    <Dialog open onClose={onClose} aria-labelledby="revoke-token-title">
      <DialogTitle id="revoke-token-title">Revoke &ldquo;{token.name}&rdquo;?</DialogTitle>
      <DialogContent>
        <DialogContentText>Every call with it is refused from now on. This cannot be undone.</DialogContentText>
        {revoke.error != null && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {revoke.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="error"
          variant="contained"
          loading={revoke.isPending}
          onClick={() => revoke.mutate({ id: token.id }, { onSuccess: onClose })}
        >
          Revoke
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const TokenTable = ({ tokens, onRevoke }: { tokens: ApiTokenDto[]; onRevoke: (token: ApiTokenDto) => void }) => (
  <Table size="small" aria-label="API tokens">
    <TableHead>
      <TableRow>
        <TableCell>Name</TableCell>
        <TableCell>Scopes</TableCell>
        <TableCell>Prefix</TableCell>
        <TableCell>Created</TableCell>
        <TableCell>Expires</TableCell>
        <TableCell>Last used</TableCell>
        <TableCell>Status</TableCell>
        <TableCell />
      </TableRow>
    </TableHead>
    <TableBody>
      {tokens.map((token) => (
        <TableRow key={token.id}>
          <TableCell>
            {token.name}
            {token.kind === 'SERVICE' && (
              <>
                {' '}
                <Chip size="small" variant="outlined" label={`service · ${token.ownerName}`} />
              </>
            )}
          </TableCell>
          <TableCell>{token.scopes.join(', ')}</TableCell>
          <TableCell sx={{ fontFamily: 'monospace' }}>{token.prefix}…</TableCell>
          <TableCell>{formatDateTime(token.createdAt)}</TableCell>
          <TableCell>{token.expiresAt ? formatDateTime(token.expiresAt) : 'never'}</TableCell>
          <TableCell>
            {token.lastUsedAt
              ? `${formatDateTime(token.lastUsedAt)} from ${token.lastUsedIp ?? '?'} (${token.lastUsedAgent ?? 'unknown client'})`
              : 'never'}
          </TableCell>
          <TableCell>{status(token)}</TableCell>
          <TableCell align="right">
            {token.active && (
              <Button size="small" color="error" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
                Revoke
              </Button>
            )}
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/**
 * Settings → API tokens: personal tokens (and, for admins, service tokens) for integrations, sent as
 * "Authorization: Bearer …". The secret is shown once, right after creation.
 */
export const ApiTokensPage = ({ isAdmin }: { isAdmin: boolean }) => {
  const tokens = useListApiTokens();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        API tokens
      </Typography>
      <Typography variant="body2" color="text.secondary">
        For scripts and integrations: send a token as <code>Authorization: Bearer tdk_…</code>. It acts as you, limited
        to its scopes; changes made with it are recorded as yours &ldquo;via token&rdquo; and its name.
      </Typography>
      {created && <NewSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      <NewTokenForm isAdmin={isAdmin} onCreated={(name, secret) => setCreated({ name, secret })} />
      <Paper sx={{ overflowX: 'auto' }}>
        {tokens.isPending ? (
          <Loading label="Loading tokens…" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} title="Could not load the tokens" />
        ) : tokens.data.length === 0 ? (
          <EmptyState>No tokens yet.</EmptyState>
        ) : (
          <TokenTable tokens={tokens.data} onRevoke={setRevoking} />
        )}
      </Paper>
      {revoking && <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
};
