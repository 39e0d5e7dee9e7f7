import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { AssetDto } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';
import { useCreateAsset, useUpdateAsset } from '@/features/organizations/api/organizations';

const FIELDS = ['kind', 'name', 'description'] as const;

type Props = { organizationId: number; asset?: AssetDto; onClose: () => void };

/** Add an asset to an organization (no `asset`) or change one: its type, name and details. */
export const AssetDialog = ({ organizationId, asset, onClose }: Props) => {
  const [form, setForm] = useState({
    kind: asset?.kind ?? '',
    name: asset?.name ?? '',
    description: asset?.description ?? '',
  });
  const create = useCreateAsset(onClose);
  const update = useUpdateAsset(onClose);
  const { fields: blamed, form: problem } = formErrorsOf(asset ? update.error : create.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const kind = form.kind.trim();
    const name = form.name.trim();
    const description = form.description.trim();
    if (asset) {
      update.mutate({
        id: organizationId,
        assetId: asset.id,
        data: {
          ...(name !== asset.name && { name }),
          ...(kind !== asset.kind && { kind }),
          ...(description !== (asset.description ?? '') && { description }),
        },
      });
    } else {
      create.mutate({ id: organizationId, data: { kind, name, description: description || undefined } });
    }
  };
  const field = (key: (typeof FIELDS)[number], label: string) => ({
    label,
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
    error: Boolean(blamed[key]),
    helperText: blamed[key],
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby="asset-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle id="asset-dialog-title">{asset ? `Edit ${asset.name}` : 'Add an asset'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField {...field('kind', 'Type')} required autoFocus placeholder="NETWORK, PRINTER, ORDER…" />
            <TextField {...field('name', 'Asset name')} required />
            <TextField {...field('description', 'Details')} multiline minRows={2} />
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={create.isPending || update.isPending}>
            {asset ? 'Save asset' : 'Add asset'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
