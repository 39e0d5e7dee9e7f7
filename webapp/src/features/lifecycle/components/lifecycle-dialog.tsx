import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { LifecycleTimeline } from '@/features/lifecycle/components/lifecycle-timeline';

/** A button opening a workflow's lifecycle (a mailbox's sync, the assigner) in a dialog. */
export const LifecycleDialog = ({ path, title }: { path: string; title: string }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        Lifecycle
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" aria-labelledby="lifecycle-title">
        <DialogTitle id="lifecycle-title">{title}</DialogTitle>
        <DialogContent>{open && <LifecycleTimeline path={path} label={title} />}</DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
