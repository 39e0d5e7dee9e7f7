import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';

/** Edit (a link to the editor page) and Delete (asks first) for one row of a list. */
export const RowActions = ({ name, editPath, onDelete }: { name: string; editPath: string; onDelete: () => void }) => (
  <>
    <Button size="small" component={RouterLink} to={editPath} aria-label={`Edit ${name}`}>
      Edit
    </Button>
    <Button size="small" color="error" onClick={onDelete} aria-label={`Delete ${name}`}>
      Delete
    </Button>
  </>
);
