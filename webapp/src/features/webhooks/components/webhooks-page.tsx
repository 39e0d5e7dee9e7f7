import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import {
  useListWebhookDeliveries,
  useListWebhookSubscriptions,
} from '@/api/generated/endpoints/webhook-subscriptions/webhook-subscriptions';
import type { WebhookDeliveryDto, WebhookSubscriptionDto } from '@/api/generated/model';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import {
  useDeleteWebhookSubscription,
  useRedeliverWebhook,
  useRotateWebhookSecret,
  useUpdateWebhookSubscription,
} from '@/features/webhooks/api/webhooks';
import { SubscriptionDialog } from '@/features/webhooks/components/subscription-dialog';
import { formatDateTime } from '@/utils/duration';

/** A secret just made or rotated: shown this once, with a copy button. */
const NewSecret = ({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) => {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <Alert severity="success" role="status" aria-label="Signing secret">
      <Stack spacing={1}>
        <Typography variant="body2">
          Signing secret of &ldquo;{name}&rdquo;. Copy it now: it is not shown again. Receivers check the
          X-Tempodesk-Signature header with it.
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

const statusOf = (subscription: WebhookSubscriptionDto) =>
  subscription.enabled
    ? 'Enabled'
    : subscription.disabledReason
      ? `Disabled: ${subscription.disabledReason}`
      : 'Disabled';

const DELIVERY_COLOR: Record<string, 'success' | 'error' | 'warning' | 'default'> = {
  DELIVERED: 'success',
  FAILED: 'error',
  RETRYING: 'warning',
  PENDING: 'default',
  CANCELLED: 'default',
};

const DeliveryRow = ({
  delivery,
  canRedeliver,
  onRedeliver,
}: {
  delivery: WebhookDeliveryDto;
  canRedeliver: boolean;
  onRedeliver: () => void;
}) => {
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <TableRow>
        <TableCell>
          {delivery.eventType}
          {delivery.redeliveryOf != null && (
            <Typography variant="caption" display="block" color="text.secondary">
              redelivery of #{delivery.redeliveryOf}
            </Typography>
          )}
        </TableCell>
        <TableCell>{delivery.ticketNumber != null ? `#${delivery.ticketNumber}` : '—'}</TableCell>
        <TableCell>
          <Chip size="small" label={delivery.status} color={DELIVERY_COLOR[delivery.status] ?? 'default'} />
        </TableCell>
        <TableCell>{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</TableCell>
        <TableCell>{delivery.attempts}</TableCell>
        <TableCell>{formatDateTime(delivery.createdAt)}</TableCell>
        <TableCell align="right">
          <Button
            size="small"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-label={`Attempts of delivery ${delivery.id}`}
          >
            Attempts
          </Button>
          {canRedeliver && (
            <Button size="small" onClick={onRedeliver} aria-label={`Redeliver delivery ${delivery.id}`}>
              Redeliver
            </Button>
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={7}>
            {delivery.attemptLog.length === 0 ? (
              <Typography variant="body2">No attempt yet.</Typography>
            ) : (
              <Table size="small" aria-label={`Attempts of delivery ${delivery.id}`}>
                <TableHead>
                  <TableRow>
                    <TableCell>#</TableCell>
                    <TableCell>Started</TableCell>
                    <TableCell>Took</TableCell>
                    <TableCell>Response</TableCell>
                    <TableCell>Answer or error</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {delivery.attemptLog.map((attempt) => (
                    <TableRow key={attempt.attempt}>
                      <TableCell>{attempt.attempt}</TableCell>
                      <TableCell>{formatDateTime(attempt.startedAt)}</TableCell>
                      <TableCell>{attempt.durationMs} ms</TableCell>
                      <TableCell>{attempt.statusCode ?? '—'}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                        {attempt.error ?? attempt.responseExcerpt ?? ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
};

/** One subscription's delivery log, newest first. */
const DeliveryLog = ({ subscription }: { subscription: WebhookSubscriptionDto }) => {
  const deliveries = useListWebhookDeliveries(subscription.id, { limit: 50 });
  const redeliver = useRedeliverWebhook(subscription.id);
  return (
    <Paper sx={{ p: 2, overflowX: 'auto' }} aria-label={`Deliveries of ${subscription.name}`} component="section">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Deliveries of {subscription.name}
        </Typography>
        <Button size="small" onClick={() => void deliveries.refetch()}>
          Refresh
        </Button>
      </Stack>
      {redeliver.error != null && <Alert severity="error">{redeliver.error.message}</Alert>}
      {deliveries.isPending ? (
        <Loading label="Loading deliveries…" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} title="Could not load the deliveries" />
      ) : deliveries.data.items.length === 0 ? (
        <EmptyState>No deliveries yet: they appear as events happen.</EmptyState>
      ) : (
        <Table size="small" aria-label="Deliveries">
          <TableHead>
            <TableRow>
              <TableCell>Event</TableCell>
              <TableCell>Ticket</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Response</TableCell>
              <TableCell>Attempts</TableCell>
              <TableCell>Time</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {deliveries.data.items.map((delivery) => (
              <DeliveryRow
                key={delivery.id}
                delivery={delivery}
                canRedeliver={subscription.enabled}
                onRedeliver={() => redeliver.mutate({ id: subscription.id, deliveryId: delivery.id })}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
};

const DeleteDialog = ({ subscription, onClose }: { subscription: WebhookSubscriptionDto; onClose: () => void }) => {
  const remove = useDeleteWebhookSubscription();
  return (
    <Dialog open onClose={onClose} aria-labelledby="delete-webhook-title">
      <DialogTitle id="delete-webhook-title">Delete &ldquo;{subscription.name}&rdquo;?</DialogTitle>
      <DialogContent>
        <DialogContentText>Nothing is posted to it any more, and its delivery log goes with it.</DialogContentText>
        {remove.error != null && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {remove.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="error"
          variant="contained"
          loading={remove.isPending}
          onClick={() => remove.mutate({ id: subscription.id }, { onSuccess: onClose })}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Admin → Webhooks: subscriptions that post ticket events to other systems (signed, retried, logged).
 * The secret is shown once; each subscription's deliveries can be read and redelivered.
 */
export const WebhooksPage = () => {
  const subscriptions = useListWebhookSubscriptions();
  const update = useUpdateWebhookSubscription();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<WebhookSubscriptionDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<WebhookSubscriptionDto | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = subscriptions.data?.find((subscription) => subscription.id === selectedId);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Webhooks
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>
          New subscription
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Tempodesk posts the events you choose to each URL as JSON, signed with the subscription&rsquo;s secret
        (X-Tempodesk-Signature), retried with backoff for 24 hours. A subscription whose deliveries keep failing is
        disabled, and admins are told.
      </Typography>
      {secret && <NewSecret name={secret.name} secret={secret.secret} onDone={() => setSecret(null)} />}
      {(update.error ?? rotate.error) != null && (
        <Alert severity="error">{(update.error ?? rotate.error)?.message}</Alert>
      )}
      <Paper sx={{ overflowX: 'auto' }}>
        {subscriptions.isPending ? (
          <Loading label="Loading subscriptions…" />
        ) : subscriptions.isError ? (
          <ErrorState error={subscriptions.error} title="Could not load the subscriptions" />
        ) : subscriptions.data.length === 0 ? (
          <EmptyState>No webhook subscriptions yet.</EmptyState>
        ) : (
          <Table size="small" aria-label="Webhook subscriptions">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>URL</TableCell>
                <TableCell>Events</TableCell>
                <TableCell>Status</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {subscriptions.data.map((subscription) => {
                const fromEnvironment = subscription.source === 'ENVIRONMENT';
                return (
                  <TableRow key={subscription.id} selected={subscription.id === selectedId}>
                    <TableCell>
                      {subscription.name}
                      {fromEnvironment && (
                        <>
                          {' '}
                          <Chip size="small" variant="outlined" label="from the environment" />
                        </>
                      )}
                      {subscription.allowPrivateNetwork && (
                        <>
                          {' '}
                          <Chip size="small" color="warning" variant="outlined" label="private network allowed" />
                        </>
                      )}
                    </TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{subscription.url}</TableCell>
                    <TableCell>{subscription.eventTypes.join(', ')}</TableCell>
                    <TableCell>{statusOf(subscription)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setSelectedId(subscription.id)}>
                        Deliveries
                      </Button>
                      {!fromEnvironment && (
                        <Button size="small" onClick={() => setEditing(subscription)}>
                          Edit
                        </Button>
                      )}
                      <Button
                        size="small"
                        onClick={() => update.mutate({ id: subscription.id, data: { enabled: !subscription.enabled } })}
                      >
                        {subscription.enabled ? 'Disable' : 'Enable'}
                      </Button>
                      {!fromEnvironment && (
                        <Button
                          size="small"
                          onClick={() =>
                            rotate.mutate(
                              { id: subscription.id },
                              {
                                onSuccess: (rotated) => setSecret({ name: subscription.name, secret: rotated.secret }),
                              },
                            )
                          }
                        >
                          Rotate secret
                        </Button>
                      )}
                      {!fromEnvironment && (
                        <Button size="small" color="error" onClick={() => setDeleting(subscription)}>
                          Delete
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Paper>
      {selected && <DeliveryLog subscription={selected} />}
      {editing && (
        <SubscriptionDialog
          subscription={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onCreated={(name, created) => setSecret({ name, secret: created })}
        />
      )}
      {deleting && <DeleteDialog subscription={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
};
