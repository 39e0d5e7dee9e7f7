import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { WebhookSubscriptionDto } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import {
  EVENT_TYPES,
  PRIORITIES,
  useCreateWebhookSubscription,
  useGroupOptions,
  useUpdateWebhookSubscription,
} from '@/features/webhooks/api/webhooks';

const FIELDS = ['name', 'url', 'eventTypes', 'groupIds', 'priorities', 'allowPrivateNetwork'] as const;

type Props = {
  subscription?: WebhookSubscriptionDto;
  onClose: () => void;
  /** A new subscription was made: its secret, to show once. */
  onCreated: (name: string, secret: string) => void;
};

const toggled = <T,>(list: T[], value: T) =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

/** Subscribe a URL (no `subscription`) or change one; a refusal lands on the field it names. */
export const SubscriptionDialog = ({ subscription, onClose, onCreated }: Props) => {
  const [name, setName] = useState(subscription?.name ?? '');
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [eventTypes, setEventTypes] = useState<string[]>(subscription?.eventTypes ?? ['ticket.created']);
  const [groupIds, setGroupIds] = useState<number[]>(subscription?.groupIds ?? []);
  const [priorities, setPriorities] = useState<string[]>(subscription?.priorities ?? []);
  const [allowPrivate, setAllowPrivate] = useState(subscription?.allowPrivateNetwork ?? false);
  const groups = useGroupOptions();
  const create = useCreateWebhookSubscription();
  const update = useUpdateWebhookSubscription();
  const error = subscription ? update.error : create.error;
  const { fields: blamed, form: problem } = formErrorsOf(error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = { name: name || undefined, url, eventTypes, groupIds, priorities, allowPrivateNetwork: allowPrivate };
    if (subscription) update.mutate({ id: subscription.id, data }, { onSuccess: onClose });
    else
      create.mutate(
        { data },
        {
          onSuccess: (created) => {
            onCreated(created.subscription.name, created.secret);
            onClose();
          },
        },
      );
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="webhook-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="webhook-dialog-title">
          {subscription ? `Edit ${subscription.name}` : 'New webhook subscription'}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              id="webhook-name"
              label="Name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(blamed.name)}
              helperText={blamed.name ?? 'Leave empty for the URL’s host'}
              slotProps={{ htmlInput: { maxLength: 80 } }}
            />
            <TextField
              id="webhook-url"
              label="URL"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              required
              autoFocus
              error={Boolean(blamed.url)}
              helperText={blamed.url ?? 'Events are posted here as signed JSON (http or https)'}
            />
            <FormControl component="fieldset" error={Boolean(blamed.eventTypes)}>
              <FormLabel component="legend">Events</FormLabel>
              <FormGroup>
                {EVENT_TYPES.map((type) => (
                  <FormControlLabel
                    key={type.value}
                    control={
                      <Checkbox
                        checked={eventTypes.includes(type.value)}
                        onChange={() => setEventTypes(toggled(eventTypes, type.value))}
                      />
                    }
                    label={`${type.label} (${type.value})`}
                  />
                ))}
              </FormGroup>
              {blamed.eventTypes && <FormHelperText>{blamed.eventTypes}</FormHelperText>}
            </FormControl>
            <FormControl component="fieldset" error={Boolean(blamed.groupIds)}>
              <FormLabel component="legend">Only these groups</FormLabel>
              <FormGroup row>
                {(groups.data ?? []).map((group) => (
                  <FormControlLabel
                    key={group.id}
                    control={
                      <Checkbox
                        checked={groupIds.includes(group.id)}
                        onChange={() => setGroupIds(toggled(groupIds, group.id))}
                      />
                    }
                    label={group.name}
                  />
                ))}
              </FormGroup>
              <FormHelperText>{blamed.groupIds ?? 'None ticked: every group'}</FormHelperText>
            </FormControl>
            <FormControl component="fieldset" error={Boolean(blamed.priorities)}>
              <FormLabel component="legend">Only these priorities</FormLabel>
              <FormGroup row>
                {PRIORITIES.map((priority) => (
                  <FormControlLabel
                    key={priority}
                    control={
                      <Checkbox
                        checked={priorities.includes(priority)}
                        onChange={() => setPriorities(toggled(priorities, priority))}
                      />
                    }
                    label={priority}
                  />
                ))}
              </FormGroup>
              <FormHelperText>{blamed.priorities ?? 'None ticked: every priority'}</FormHelperText>
            </FormControl>
            <FormControlLabel
              control={<Checkbox checked={allowPrivate} onChange={(event) => setAllowPrivate(event.target.checked)} />}
              label="Allow private network addresses"
            />
            {allowPrivate && (
              <Alert severity="warning">
                Posts may then go to loopback, link-local (cloud metadata) and private addresses inside your network.
                Allow it only for a receiver you run there; it is recorded with your name.
              </Alert>
            )}
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={subscription ? update.isPending : create.isPending}>
            {subscription ? 'Save' : 'Subscribe'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
