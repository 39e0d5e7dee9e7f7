import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

type Props = {
  what: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  /** The server's refusal (e.g. 409: a policy still uses the calendar), shown in the dialog. */
  error: unknown;
};

/** "Delete X?" with the server's answer when it refuses. */
export const ConfirmDelete = ({ what, onConfirm, onClose, pending, error }: Props) => (
  <Dialog open onClose={onClose} aria-labelledby="confirm-delete-title">
    <DialogTitle id="confirm-delete-title">Delete {what}?</DialogTitle>
    <DialogContent>
      <DialogContentText>This cannot be undone.</DialogContentText>
      {error != null && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error instanceof Error ? error.message : String(error)}
        </Alert>
      )}
    </DialogContent>
    <DialogActions>
      <Button onClick={onClose}>Cancel</Button>
      <Button color="error" variant="contained" onClick={onConfirm} loading={pending}>
        Delete
      </Button>
    </DialogActions>
  </Dialog>
);
